package io.kefu.shared.domain.qa;

/** The language findings are explained in; matching itself is language-agnostic. */
public enum Lang {
    ZH, EN;

    public static Lang ofLocale(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? EN : ZH;
    }
}
