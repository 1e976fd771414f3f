package io.kefu.shared.domain.qa;

/** The complaint categories seen most in e-commerce service (product quality is ~40%). */
public enum ComplaintType {
    NONE, PRODUCT_QUALITY, LOGISTICS, AFTER_SALES, MISLEADING_DESCRIPTION, OTHER
}
