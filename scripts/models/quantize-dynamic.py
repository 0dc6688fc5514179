#!/usr/bin/env python3
"""Dynamic int8 quantisation of an ONNX model, the way onnxruntime.quantization.quantize_dynamic does it, written
with the onnx package's helper API (onnxruntime's Python package is not installed here, and not needed).

    /usr/bin/python3 scripts/models/quantize-dynamic.py IN.onnx OUT.onnx [--ops MatMul,Conv] [--per-channel]

Each MatMul whose second input is a constant 2-D weight and each Conv whose weight is constant becomes:
    x --DynamicQuantizeLinear--> (x_u8, x_scale, x_zero_point)      activations: uint8, asymmetric, per run
    MatMulInteger(x_u8, W_s8, x_zero_point, 0) | ConvInteger(x_u8, W_s8, x_zero_point, 0) -> int32
    -> Cast(float) -> Mul(x_scale * W_scale) [-> Add(bias)]          weights: int8, symmetric, per tensor
                                                                      (--per-channel: per output channel)
The model is converted to opset 11 first where it is older (DynamicQuantizeLinear needs 11). Used for measuring
only: the engine loads it only if it is faster at equal CER on every variant (see docs/benchmarks.md).
"""
import argparse

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, version_converter


def constants(g):
    """Constant nodes as initializers; returns {name: array}."""
    consts = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    keep = []
    for n in g.node:
        if n.op_type == 'Constant' and len(n.output) == 1 and n.attribute and n.attribute[0].name == 'value':
            consts[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
        else:
            keep.append(n)
    del g.node[:]
    g.node.extend(keep)
    return consts


def quantize_weight(w, axis, per_channel):
    """Symmetric int8: W ≈ W_s8 * scale (scale per tensor, or per slice along `axis`)."""
    if per_channel:
        red = tuple(i for i in range(w.ndim) if i != axis)
        amax = np.abs(w).max(axis=red, keepdims=True)
    else:
        amax = np.array(np.abs(w).max())
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('src')
    ap.add_argument('dst')
    ap.add_argument('--ops', default='MatMul,Conv')
    ap.add_argument('--per-channel', action='store_true')
    a = ap.parse_args()
    ops = set(a.ops.split(','))

    model = onnx.load(a.src)
    opset = next(o.version for o in model.opset_import if o.domain in ('', 'ai.onnx'))
    if opset < 11:
        model = version_converter.convert_version(model, 11)
    g = model.graph
    consts = constants(g)
    out_nodes = []
    quantized_input = {}  # activation name -> (u8, scale, zp) already made
    counts = {'MatMul': 0, 'Conv': 0}

    def dql(x):
        if x not in quantized_input:
            names = (x + '_u8', x + '_scale', x + '_zp')
            out_nodes.append(helper.make_node('DynamicQuantizeLinear', [x], list(names), name=x + '_dql'))
            quantized_input[x] = names
        return quantized_input[x]

    def add_const(name, arr):
        consts[name] = arr
        return name

    for n in g.node:
        if n.op_type == 'MatMul' and 'MatMul' in ops and n.input[1] in consts and consts[n.input[1]].ndim == 2:
            w = consts[n.input[1]].astype(np.float32)
            q, scale = quantize_weight(w, 1, a.per_channel)
            u8, xs, xz = dql(n.input[0])
            qn = add_const(n.input[1] + '_s8', q)
            # Symmetric weights: one zero point (0) even per channel (onnxruntime's integer kernels take only scalars).
            zp = add_const(n.input[1] + '_zp', np.array(0, np.int8))
            sc = add_const(n.input[1] + '_wscale', scale.reshape(-1) if a.per_channel else scale)
            y32 = n.output[0] + '_i32'
            out_nodes.append(helper.make_node('MatMulInteger', [u8, qn, xz, zp], [y32]))
            out_nodes.append(helper.make_node('Cast', [y32], [y32 + '_f'], to=TensorProto.FLOAT))
            out_nodes.append(helper.make_node('Mul', [xs, sc], [n.output[0] + '_scale']))
            out_nodes.append(helper.make_node('Mul', [y32 + '_f', n.output[0] + '_scale'], [n.output[0]]))
            counts['MatMul'] += 1
        elif n.op_type == 'Conv' and 'Conv' in ops and n.input[1] in consts and (len(n.input) < 3 or n.input[2] in consts):
            w = consts[n.input[1]].astype(np.float32)
            q, scale = quantize_weight(w, 0, a.per_channel)
            u8, xs, xz = dql(n.input[0])
            qn = add_const(n.input[1] + '_s8', q)
            cout = w.shape[0]
            zp = add_const(n.input[1] + '_zp', np.array(0, np.int8))
            sc = add_const(n.input[1] + '_wscale', scale.reshape(1, cout, 1, 1) if a.per_channel else scale.reshape(()))
            y32 = n.output[0] + '_i32'
            attrs = {x.name: helper.get_attribute_value(x) for x in n.attribute}
            out_nodes.append(helper.make_node('ConvInteger', [u8, qn, xz, zp], [y32], **attrs))
            out_nodes.append(helper.make_node('Cast', [y32], [y32 + '_f'], to=TensorProto.FLOAT))
            out_nodes.append(helper.make_node('Mul', [xs, sc], [n.output[0] + '_scale']))
            if len(n.input) > 2:
                b = add_const(n.input[2] + '_c', consts[n.input[2]].astype(np.float32).reshape(1, cout, 1, 1))
                out_nodes.append(helper.make_node('Mul', [y32 + '_f', n.output[0] + '_scale'], [n.output[0] + '_nobias']))
                out_nodes.append(helper.make_node('Add', [n.output[0] + '_nobias', b], [n.output[0]]))
            else:
                out_nodes.append(helper.make_node('Mul', [y32 + '_f', n.output[0] + '_scale'], [n.output[0]]))
            counts['Conv'] += 1
        else:
            out_nodes.append(n)

    used = {i for n in out_nodes for i in n.input}
    del g.node[:]
    g.node.extend(out_nodes)
    del g.initializer[:]
    g.initializer.extend(numpy_helper.from_array(v, k) for k, v in consts.items() if k in used)
    onnx.checker.check_model(model)
    onnx.save(model, a.dst)
    print(f'{a.src} -> {a.dst}: quantised {counts} (opset {opset} -> {max(opset, 11)})')


if __name__ == '__main__':
    main()
