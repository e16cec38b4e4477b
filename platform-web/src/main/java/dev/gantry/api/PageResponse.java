package dev.gantry.api;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** One page of a list, the same shape on every endpoint that lists: the items and where they stand in the whole. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }

    /**
     * One page of a list a service returned whole (bounded by the service), with the same clamping as
     * {@link #request}: for lists that no repository pages.
     */
    public static <T> PageResponse<T> slice(List<T> all, int page, int size) {
        Pageable request = request(page, size, Sort.unsorted());
        List<T> items = all.stream().skip(request.getOffset()).limit(request.getPageSize()).toList();
        return new PageResponse<>(items, request.getPageNumber(), request.getPageSize(), all.size());
    }

    /** A page request from query parameters, clamped so no client can ask for everything at once. */
    public static Pageable request(int page, int size, Sort sort) {
        return PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, MAX_SIZE), sort);
    }
}
