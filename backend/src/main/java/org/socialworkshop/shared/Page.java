package org.socialworkshop.shared;

import java.util.List;

/** One page of a list, as every list endpoint returns it: {@code {"items", "page", "size", "total"}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Zero-based page and its size, checked for sane bounds. */
    public record Request(int page, int size) {

        public static final int MAX_SIZE = 100;

        public Request {
            if (page < 0 || size < 1 || size > MAX_SIZE) {
                throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
            }
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
