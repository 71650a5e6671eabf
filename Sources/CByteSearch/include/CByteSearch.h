// Byte searches for the CSV scanner and the JSON writer, sixteen bytes at a time with SSE2.
//
// Swift has no portable movemask, and its SIMD types' comparisons do not reliably lower to
// one instruction on Linux; these functions are `static inline` so the Swift compiler
// imports their bodies and inlines them into the hot loops. SSE2 is part of every x86-64
// CPU; elsewhere the plain byte loop does the same work more slowly.
#ifndef CBYTESEARCH_H
#define CBYTESEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The search both functions share, over `base[index..<end]`: whole blocks through
// BLOCK_HITS (an expression of the block `bytes` whose lanes are 0xFF where a byte
// matches), the last few bytes through BYTE_MATCHES (an expression of `byte`). Returns the
// first matching index from the enclosing function, or falls through at `end`.
#if defined(__SSE2__)
#define CBS_SEARCH(BLOCK_HITS, BYTE_MATCHES)                                      \
    for (; index + 16 <= end; index += 16) {                                      \
        const __m128i bytes = _mm_loadu_si128((const __m128i *)(base + index));   \
        const int mask = _mm_movemask_epi8(BLOCK_HITS);                           \
        if (mask != 0) return index + __builtin_ctz((unsigned)mask);              \
    }                                                                             \
    for (; index < end; index++) {                                                \
        const uint8_t byte = base[index];                                         \
        if (BYTE_MATCHES) return index;                                           \
    }
#else
#define CBS_SEARCH(BLOCK_HITS, BYTE_MATCHES)                                      \
    for (; index < end; index++) {                                                \
        const uint8_t byte = base[index];                                         \
        if (BYTE_MATCHES) return index;                                           \
    }
#endif

/// The index of the first byte of `base[from..<end]` equal to `a`, `b`, `c` or `d`, or `end`.
static inline long cbs_first_of4(const uint8_t *base, long from, long end,
                                 uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
    long index = from;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    const __m128i vc = _mm_set1_epi8((char)c), vd = _mm_set1_epi8((char)d);
#endif
    CBS_SEARCH(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, va), _mm_cmpeq_epi8(bytes, vb)),
                            _mm_or_si128(_mm_cmpeq_epi8(bytes, vc), _mm_cmpeq_epi8(bytes, vd))),
               byte == a || byte == b || byte == c || byte == d)
    return end;
}

/// The index of the first byte of `base[from..<end]` that is `"`, `\`, a control
/// character or, when `non_ascii` is set, a byte of 0x80 or more; `end` when there is none.
///
/// Without `non_ascii`: the bytes a JSON string must escape (the writer). With it: the
/// bytes that end a plain run of string content, the rest to be checked as UTF-8 (the
/// reader). Callers pass a constant, which the inlining folds away.
static inline long cbs_first_json_special(const uint8_t *base, long from, long end, int non_ascii) {
    long index = from;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    // Unsigned `byte <= 0x1F` is a saturating subtraction of 0x1F that leaves zero.
    const __m128i lastControl = _mm_set1_epi8(0x1F), zero = _mm_setzero_si128();
#endif
    // A non-ASCII byte's own high bit is its lane of the mask, so `bytes` itself joins the hits.
    CBS_SEARCH(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_subs_epu8(bytes, lastControl), zero),
                                         non_ascii ? bytes : zero),
                            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash))),
               byte < 0x20 || (non_ascii && byte >= 0x80) || byte == '"' || byte == '\\')
    return end;
}

#undef CBS_SEARCH

/// Copies `count` bytes from `source` to `destination` (not overlapping).
///
/// Most copies of the CSV scanner and the JSON writer are a field of a few bytes or a
/// key like `,"name":`; a call to `memcpy` for those costs more than the copy. Up to 16
/// bytes are copied as two possibly overlapping words, read and written only inside the
/// two ranges; longer copies go to `memcpy`.
static inline void cbs_copy(uint8_t *destination, const uint8_t *source, long count) {
    if (count >= 8 && count <= 16) {
        uint64_t head, tail;
        memcpy(&head, source, 8);
        memcpy(&tail, source + count - 8, 8);
        memcpy(destination, &head, 8);
        memcpy(destination + count - 8, &tail, 8);
    } else if (count >= 4 && count < 8) {
        uint32_t head, tail;
        memcpy(&head, source, 4);
        memcpy(&tail, source + count - 4, 4);
        memcpy(destination, &head, 4);
        memcpy(destination + count - 4, &tail, 4);
    } else if (count > 0 && count < 4) {
        // 1 to 3 bytes: the first, the middle and the last (some the same byte).
        destination[0] = source[0];
        destination[count >> 1] = source[count >> 1];
        destination[count - 1] = source[count - 1];
    } else if (count > 16) {
        memcpy(destination, source, (size_t)count);
    }
}
#endif
