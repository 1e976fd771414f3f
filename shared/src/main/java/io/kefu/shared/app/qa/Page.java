package io.kefu.shared.app.qa;

import java.util.List;

/**
 * One page of a listing. {@code cursor} continues it (null at the end); {@code plan} says which index
 * partitions were read, and {@code notes} anything the user should know (a scan, an approximate page).
 */
public record Page<T>(List<T> items, String cursor, String plan, List<String> notes) {
    public Page {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }
}
