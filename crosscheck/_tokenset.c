/* rapidfuzz's fuzz.token_set_ratio over texts given as runs of word ids (match.py).

   match scores millions of pairs of claims' contents; each content is its distinct
   words, sorted, joined by spaces, and rapidfuzz splits, sorts and decomposes both texts
   again for every pair: three quarters of its time. Here every text is given once, as
   a run of ids into a sorted vocabulary (ids in word order), and each pair is scored
   from the runs: the same decomposition (intersection, the two differences), the same
   Indel distance (bit-parallel LCS, Hyyrö 2004) and the same arithmetic, rounded to
   float32 as ``process.cpdist`` returns it. ``match._scores`` checks nothing here: the
   tests compare it with rapidfuzz on generated texts, and the whole report of a corpus
   is compared byte for byte with the pure Python build's (``CROSSCHECK_PURE=1``).

   scores(chars, word_end, tokens, run_end, lo, hi, out)
     chars     uint32[]  the vocabulary's words end to end, as code points
     word_end  int64[]   where each word ends in chars (word i: word_end[i-1]..word_end[i])
     tokens    int64[]   every text's word ids, ascending within a text, end to end
     run_end   int64[]   where each text's run ends in tokens
     lo, hi    int64[]   the pairs: texts lo[k] and hi[k]
     out       float64[] (written) the score of pair k
   Ids and offsets are checked; the GIL is released while scoring. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t *a, *b;          /* the two differences, joined by spaces */
    size_t a_cap, b_cap;
    uint64_t *rows;           /* one bit mask row of `words` words per distinct char of a */
    size_t rows_cap;
    uint64_t *v;              /* the LCS state */
    size_t v_cap;
    int32_t direct[256];      /* char < 256 -> its row, or -1 */
    uint64_t pm[256];         /* char < 256 -> its mask, for patterns of one word */
    uint32_t *keys;           /* chars >= 256: open addressing, key -> row */
    int32_t *slots;
    size_t hash_cap;
    size_t *used;             /* the slots filled for this pair */
    size_t used_cap, n_used;
} Work;

static inline int grow(void **buf, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 0;
    size_t cap2 = *cap ? *cap : 64;
    while (cap2 < need) cap2 *= 2;
    void *p = realloc(*buf, cap2 * size);
    if (p == NULL) return -1;
    *buf = p;
    *cap = cap2;
    return 0;
}

static inline int append_word(uint32_t **buf, size_t *cap, size_t *len, const uint32_t *w, size_t n) {
    if (grow((void **)buf, cap, *len + n + 1, sizeof(uint32_t)) < 0) return -1;
    uint32_t *to = *buf + *len;
    if (*len) *to++ = 0x20;
    for (size_t i = 0; i < n; i++) to[i] = w[i]; /* (short words: no call) */
    *len = (size_t)(to - *buf) + n;
    return 0;
}

/* the row of char c >= 256 (insert: make it when absent, noting its slot), or -1 */
static int32_t hashed(Work *w, uint32_t c, int insert, int32_t *next_row) {
    size_t mask = w->hash_cap - 1;
    size_t i = (c * 2654435761u) & mask;
    while (w->slots[i] >= 0) {
        if (w->keys[i] == c) return w->slots[i];
        i = (i + 1) & mask;
    }
    if (!insert) return -1;
    w->keys[i] = c;
    w->slots[i] = (*next_row)++;
    w->used[w->n_used++] = i;
    return w->slots[i];
}

/* indel for a pattern of at most 64 chars: one word of bits, the masks of chars < 256
   read straight from a table (the others from the hash part, as rows of one word) */
static long indel64(Work *w, const uint32_t *a, size_t m, const uint32_t *b, size_t n) {
    int hashed_any = 0;
    for (size_t i = 0; i < m; i++) {
        uint32_t c = a[i];
        if (c < 256) {
            w->pm[c] |= (uint64_t)1 << i;
        } else {
            hashed_any = 1;
        }
    }
    int32_t next_row = 0;
    if (hashed_any) {
        /* (rare: a char above U+00FF) */
        if (grow((void **)&w->rows, &w->rows_cap, m, sizeof(uint64_t)) < 0) return -1;
        if (grow((void **)&w->used, &w->used_cap, m, sizeof(size_t)) < 0) return -1;
        if (w->hash_cap < 128) {
            uint32_t *k = realloc(w->keys, 128 * sizeof(uint32_t));
            if (k == NULL) return -1;
            w->keys = k;
            int32_t *sl = realloc(w->slots, 128 * sizeof(int32_t));
            if (sl == NULL) return -1;
            w->slots = sl;
            w->hash_cap = 128;
            memset(w->slots, 0xff, 128 * sizeof(int32_t));
        }
        w->n_used = 0;
        for (size_t i = 0; i < m; i++) {
            uint32_t c = a[i];
            if (c < 256) continue;
            int32_t r = hashed(w, c, 0, &next_row);
            if (r < 0) {
                r = hashed(w, c, 1, &next_row);
                w->rows[r] = 0;
            }
            w->rows[r] |= (uint64_t)1 << i;
        }
    }
    uint64_t v = ~(uint64_t)0;
    for (size_t j = 0; j < n; j++) {
        uint32_t c = b[j];
        uint64_t row;
        if (c < 256) {
            row = w->pm[c];
        } else {
            int32_t r = hashed_any ? hashed(w, c, 0, &next_row) : -1;
            row = r < 0 ? 0 : w->rows[r];
        }
        uint64_t u = v & row;
        v = (v + u) | (v - u);
    }
    uint64_t zeros = ~v;
    if (m < 64) zeros &= ((uint64_t)1 << m) - 1;
    size_t lcs = (size_t)__builtin_popcountll(zeros);
    for (size_t i = 0; i < m; i++)
        if (a[i] < 256) w->pm[a[i]] = 0;
    if (hashed_any)
        for (size_t i = 0; i < w->n_used; i++) w->slots[w->used[i]] = -1;
    return (long)(m + n - 2 * lcs);
}

/* The Indel distance of a (m chars) and b (n chars): m + n - 2 LCS. -1: no memory. */
static long indel(Work *w, const uint32_t *a, size_t m, const uint32_t *b, size_t n) {
    if (m == 0 || n == 0) return (long)(m + n);
    if (m > n) { /* the shorter as the pattern: fewer words of bits */
        const uint32_t *t = a;
        size_t tm = m;
        a = b;
        m = n;
        b = t;
        n = tm;
    }
    if (m <= 64) return indel64(w, a, m, b, n);
    size_t words = (m + 63) / 64;
    /* at most m distinct chars: a row for each, and a hash part of at least 2m slots */
    if (grow((void **)&w->rows, &w->rows_cap, m * words, sizeof(uint64_t)) < 0) return -1;
    if (grow((void **)&w->v, &w->v_cap, words, sizeof(uint64_t)) < 0) return -1;
    if (grow((void **)&w->used, &w->used_cap, m, sizeof(size_t)) < 0) return -1;
    size_t need = 16;
    while (need < 2 * m) need *= 2;
    if (need > w->hash_cap) {
        uint32_t *k = realloc(w->keys, need * sizeof(uint32_t));
        if (k == NULL) return -1;
        w->keys = k;
        int32_t *s = realloc(w->slots, need * sizeof(int32_t));
        if (s == NULL) return -1;
        w->slots = s;
        w->hash_cap = need;
        memset(w->slots, 0xff, need * sizeof(int32_t));
    }
    /* a row per distinct char of a, cleared, then its positions' bits set */
    int32_t next_row = 0;
    w->n_used = 0;
    for (size_t i = 0; i < m; i++) {
        uint32_t c = a[i];
        if (c < 256) {
            if (w->direct[c] < 0) w->direct[c] = next_row++;
        } else {
            hashed(w, c, 1, &next_row);
        }
    }
    memset(w->rows, 0, (size_t)next_row * words * sizeof(uint64_t));
    for (size_t i = 0; i < m; i++) {
        uint32_t c = a[i];
        int32_t r = c < 256 ? w->direct[c] : hashed(w, c, 0, &next_row);
        w->rows[(size_t)r * words + i / 64] |= (uint64_t)1 << (i % 64);
    }
    /* Hyyrö's bit-parallel LCS: V's zero bits count the LCS */
    uint64_t *v = w->v;
    for (size_t k = 0; k < words; k++) v[k] = ~(uint64_t)0;
    for (size_t j = 0; j < n; j++) {
        uint32_t c = b[j];
        int32_t r = c < 256 ? w->direct[c] : hashed(w, c, 0, &next_row);
        if (r < 0) continue; /* a char not in a: V stays */
        const uint64_t *row = w->rows + (size_t)r * words;
        uint64_t carry = 0;
        for (size_t k = 0; k < words; k++) {
            uint64_t u = v[k] & row[k];
            uint64_t t = v[k] + carry;
            uint64_t c1 = t < carry;
            uint64_t x = t + u;
            uint64_t c2 = x < u;
            carry = c1 | c2;
            v[k] = x | (v[k] & ~u);
        }
    }
    size_t lcs = 0;
    for (size_t k = 0; k < words; k++) {
        uint64_t zeros = ~v[k];
        if (k == words - 1 && m % 64) zeros &= ((uint64_t)1 << (m % 64)) - 1;
        lcs += (size_t)__builtin_popcountll(zeros);
    }
    /* the lookup tables cleared for the next pair */
    for (size_t i = 0; i < m; i++)
        if (a[i] < 256) w->direct[a[i]] = -1;
    for (size_t i = 0; i < w->n_used; i++) w->slots[w->used[i]] = -1;
    return (long)(m + n - 2 * lcs);
}

static double norm(long dist, long lensum) {
    return lensum > 0 ? 100.0 - 100.0 * (double)dist / (double)lensum : 100.0;
}

/* token_set_ratio of texts x and y; -1.0: no memory */
static double score(Work *w, const uint32_t *chars, const int64_t *word_end,
                    const int64_t *tokens, const int64_t *run_end, int64_t x, int64_t y) {
    int64_t xa = x ? run_end[x - 1] : 0, xe = run_end[x];
    int64_t ya = y ? run_end[y - 1] : 0, ye = run_end[y];
    if (xa == xe || ya == ye) return 0.0;
    size_t la = 0, lb = 0;
    long sect_len = 0, sect_n = 0;
    while (xa < xe || ya < ye) {
        int64_t tx = xa < xe ? tokens[xa] : -1, ty = ya < ye ? tokens[ya] : -1;
        if (tx >= 0 && tx == ty) {
            int64_t s = tx ? word_end[tx - 1] : 0;
            sect_len += (long)(word_end[tx] - s);
            sect_n++;
            xa++;
            ya++;
        } else if (ty < 0 || (tx >= 0 && tx < ty)) {
            int64_t s = tx ? word_end[tx - 1] : 0;
            if (append_word(&w->a, &w->a_cap, &la, chars + s, (size_t)(word_end[tx] - s)) < 0)
                return -1.0;
            xa++;
        } else {
            int64_t s = ty ? word_end[ty - 1] : 0;
            if (append_word(&w->b, &w->b_cap, &lb, chars + s, (size_t)(word_end[ty] - s)) < 0)
                return -1.0;
            ya++;
        }
    }
    if (sect_n && (la == 0 || lb == 0)) return 100.0;
    if (sect_n) sect_len += sect_n - 1;
    long ab_len = (long)la, ba_len = (long)lb;
    long sect_ab_len = sect_len + (sect_len != 0) + ab_len;
    long sect_ba_len = sect_len + (sect_len != 0) + ba_len;
    long dist = indel(w, w->a, la, w->b, lb);
    if (dist < 0) return -1.0;
    double result = norm(dist, sect_ab_len + sect_ba_len);
    if (!sect_len) return result;
    double r1 = norm((sect_len != 0) + ab_len, sect_len + sect_ab_len);
    double r2 = norm((sect_len != 0) + ba_len, sect_len + sect_ba_len);
    if (r1 > result) result = r1;
    if (r2 > result) result = r2;
    return result;
}

static int need(Py_buffer *b, Py_ssize_t item, const char *name) {
    if (b->itemsize != item || b->len % item) {
        PyErr_Format(PyExc_TypeError, "%s: items of %zd bytes expected", name, item);
        return -1;
    }
    return 0;
}

static PyObject *scores(PyObject *self, PyObject *args) {
    Py_buffer chars, word_end, tokens, run_end, lo, hi, out;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*w*", &chars, &word_end, &tokens, &run_end, &lo,
                          &hi, &out))
        return NULL;
    PyObject *result = NULL;
    if (need(&chars, 4, "chars") || need(&word_end, 8, "word_end") ||
        need(&tokens, 8, "tokens") || need(&run_end, 8, "run_end") || need(&lo, 8, "lo") ||
        need(&hi, 8, "hi") || need(&out, 8, "out"))
        goto done;
    Py_ssize_t n_chars = chars.len / 4, n_words = word_end.len / 8, n_tokens = tokens.len / 8;
    Py_ssize_t n_texts = run_end.len / 8, n_pairs = lo.len / 8;
    const uint32_t *ch = chars.buf;
    const int64_t *we = word_end.buf, *tk = tokens.buf, *re = run_end.buf;
    const int64_t *plo = lo.buf, *phi = hi.buf;
    double *po = out.buf;
    if (hi.len != lo.len || out.len != lo.len) {
        PyErr_SetString(PyExc_ValueError, "lo, hi and out must have one item per pair");
        goto done;
    }
    /* check every offset and id once, so that the loop reads nothing out of bounds */
    for (Py_ssize_t i = 0; i < n_words; i++)
        if (we[i] < (i ? we[i - 1] : 0) || we[i] > n_chars) {
            PyErr_SetString(PyExc_ValueError, "word_end: not ascending within chars");
            goto done;
        }
    for (Py_ssize_t i = 0; i < n_texts; i++)
        if (re[i] < (i ? re[i - 1] : 0) || re[i] > n_tokens) {
            PyErr_SetString(PyExc_ValueError, "run_end: not ascending within tokens");
            goto done;
        }
    for (Py_ssize_t i = 0; i < n_tokens; i++)
        if (tk[i] < 0 || tk[i] >= n_words) {
            PyErr_SetString(PyExc_ValueError, "tokens: an id outside the vocabulary");
            goto done;
        }
    for (Py_ssize_t t = 0; t < n_texts; t++)
        for (int64_t i = (t ? re[t - 1] : 0) + 1; i < re[t]; i++)
            if (tk[i] <= tk[i - 1]) {
                PyErr_SetString(PyExc_ValueError, "tokens: not ascending within a text");
                goto done;
            }
    for (Py_ssize_t k = 0; k < n_pairs; k++)
        if (plo[k] < 0 || plo[k] >= n_texts || phi[k] < 0 || phi[k] >= n_texts) {
            PyErr_SetString(PyExc_ValueError, "lo, hi: a text outside run_end");
            goto done;
        }
    Work w;
    memset(&w, 0, sizeof w);
    memset(w.direct, 0xff, sizeof w.direct);
    int failed = 0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t k = 0; k < n_pairs; k++) {
        /* the texts of the pairs ahead fetched meanwhile (pairs come sorted by lo: hi's
           text is the far one) */
        if (k + 8 < n_pairs) __builtin_prefetch(&re[phi[k + 8]]);
        if (k + 4 < n_pairs) {
            int64_t y = phi[k + 4];
            __builtin_prefetch(&tk[y ? re[y - 1] : 0]);
        }
        double s = score(&w, ch, we, tk, re, plo[k], phi[k]);
        if (s < 0) {
            failed = 1;
            break;
        }
        po[k] = (double)(float)s; /* process.cpdist's float32 */
    }
    Py_END_ALLOW_THREADS
    free(w.a);
    free(w.b);
    free(w.rows);
    free(w.v);
    free(w.keys);
    free(w.slots);
    free(w.used);
    if (failed) {
        PyErr_NoMemory();
        goto done;
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyBuffer_Release(&chars);
    PyBuffer_Release(&word_end);
    PyBuffer_Release(&tokens);
    PyBuffer_Release(&run_end);
    PyBuffer_Release(&lo);
    PyBuffer_Release(&hi);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"scores", scores, METH_VARARGS,
     "scores(chars, word_end, tokens, run_end, lo, hi, out): token_set_ratio of the pairs"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokenset", NULL, -1, methods};

PyMODINIT_FUNC PyInit__tokenset(void) { return PyModule_Create(&module); }
