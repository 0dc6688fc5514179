#!/usr/bin/env python3
"""Exact graph simplification of PaddleOCR's PP-OCRv4 ONNX models (paddle2onnx) for onnxruntime on CPU.

    /usr/bin/python3 scripts/models/fold-ppocr.py IN.onnx OUT.onnx

PP-LCNetV3 (the backbone of PP-OCRv4's detector and recogniser) follows its convolutions with "learnable affine blocks" (x * a + b with scalar a, b) and writes
hard-swish as four element-wise operators (Add 3, Clip 0..6, Mul, Div 6). onnxruntime runs each as its own pass
over the feature maps (with the affine blocks, a third of the recogniser's time in its profile) and has to convert
the feature maps out of and back into its blocked convolution layout around them. This rewrites, keeping the
function (only float rounding differs):
  1. y -> Add 3 -> Clip 0..6 -> Mul(y, .) -> Div 6   =>  y * HardSigmoid(y; alpha 1/6, beta 1/2)
  2. Conv -> Mul(scalar a) [-> Add(scalar b)]         =>  Conv with weights W*a, bias bias*a + b
  3. Mul(scalar c) -> Add(scalar d) -> Conv(s) that pad nothing  =>  Conv with W*c, bias + d * sum(W)
     (only without padding: with zero padding, d would also have to shift the padded border)
  4. the Mul(c) -> Add(d) blocks left (before padded Convs) => BatchNormalization(scale c, bias d, mean 0, var 1),
     which onnxruntime keeps in its blocked layout (one pass instead of two, and no layout conversions)
  5. a recogniser's Softmax output [N, T, C] => outputs best_class and best_prob [N, T] (ArgMax, ReduceMax): what
     greedy CTC decoding reads, without the C probabilities of every step crossing into JavaScript
The weights (Constant nodes in paddle2onnx's export) become initializers. Written with the onnx package's helper
API only (no onnxruntime needed); the models' opsets are unchanged (HardSigmoid is opset 6).
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def fold(model: onnx.ModelProto) -> dict:
    g = model.graph
    consts = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    nodes = []
    for n in g.node:
        if n.op_type == 'Constant' and len(n.output) == 1 and n.attribute and n.attribute[0].name == 'value':
            consts[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
        else:
            nodes.append(n)
    outputs = {o.name for o in g.output}
    counts = {'hardswish': 0, 'affine_after_conv': 0, 'affine_before_conv': 0, 'affine_as_batchnorm': 0}

    def users(name):
        return [n for n in nodes if name in n.input]

    def scalar(name):
        a = consts.get(name)
        return None if a is None or a.size != 1 else float(a.reshape(()))

    def other(n, name):
        return n.input[1] if n.input[0] == name else n.input[0]

    def only_user(name, op):
        us = users(name)
        return us[0] if len(us) == 1 and us[0].op_type == op and name not in outputs else None

    def attr(n, key, default=None):
        for a in n.attribute:
            if a.name == key:
                return helper.get_attribute_value(a)
        return default

    def new_name(base):
        k = 0
        while f'{base}_f{k}' in consts:
            k += 1
        return f'{base}_f{k}'

    def clip_range(clip):
        # Clip's bounds are attributes up to opset 10, optional inputs from opset 11.
        if len(clip.input) == 1:
            return (attr(clip, 'min'), attr(clip, 'max'))
        bounds = [scalar(i) if i else None for i in list(clip.input[1:]) + [''] * (3 - len(clip.input))]
        return tuple(bounds)

    # 1. Hard-swish.
    for add in [n for n in nodes if n.op_type == 'Add']:
        if add not in nodes or len(add.input) != 2:
            continue
        y = next((i for i in add.input if i not in consts), None)
        if y is None or scalar(other(add, y)) != 3.0:
            continue
        clip = only_user(add.output[0], 'Clip')
        if clip is None or clip_range(clip) != (0.0, 6.0):
            continue
        mul = only_user(clip.output[0], 'Mul')
        if mul is None or other(mul, clip.output[0]) != y:
            continue
        div = only_user(mul.output[0], 'Div')
        if div is None or div.input[0] != mul.output[0] or scalar(div.input[1]) != 6.0:
            continue
        hs = helper.make_node('HardSigmoid', [y], [add.output[0] + '_hsig'], alpha=1.0 / 6.0, beta=0.5)
        prod = helper.make_node('Mul', [y, hs.output[0]], [div.output[0]])
        at = nodes.index(add)
        for n in (add, clip, mul, div):
            nodes.remove(n)
        nodes[at:at] = [hs, prod]
        counts['hardswish'] += 1

    def conv_params(conv):
        w = consts[conv.input[1]].astype(np.float32)
        b = consts[conv.input[2]].astype(np.float32) if len(conv.input) > 2 else np.zeros(w.shape[0], np.float32)
        return w, b

    def set_conv(conv, x, w, b):
        wn, bn = new_name(conv.input[1]), new_name(conv.input[1] + '_bias')
        consts[wn], consts[bn] = w.astype(np.float32), b.astype(np.float32)
        del conv.input[:]
        conv.input.extend([x, wn, bn])

    # 2. Affine after a convolution.
    for conv in [n for n in nodes if n.op_type == 'Conv']:
        if conv.input[1] not in consts or (len(conv.input) > 2 and conv.input[2] not in consts):
            continue
        mul = only_user(conv.output[0], 'Mul')
        if mul is None:
            continue
        a = scalar(other(mul, conv.output[0]))
        if a is None:
            continue
        last, b = mul, 0.0
        add = only_user(mul.output[0], 'Add')
        if add is not None and scalar(other(add, mul.output[0])) is not None:
            last, b = add, scalar(other(add, mul.output[0]))
        w, bias = conv_params(conv)
        set_conv(conv, conv.input[0], w * a, bias * a + b)
        out = last.output[0]
        for n in {id(mul): mul, id(last): last}.values():
            nodes.remove(n)
        del conv.output[:]
        conv.output.append(out)
        counts['affine_after_conv'] += 1

    def affine_block(mul):
        """x·c + d with scalar constants c, d (a learnable affine block): (x, c, the Add, d), or None."""
        x = next((i for i in mul.input if i not in consts), None)
        c = scalar(other(mul, x)) if x is not None else None
        if c is None:
            return None
        add = only_user(mul.output[0], 'Add')
        d = scalar(other(add, mul.output[0])) if add is not None else None
        return None if d is None else (x, c, add, d)

    def affine_blocks():
        """Each affine block still in the graph (checked as the caller removes nodes): (Mul, x, c, Add, d, Add's users)."""
        for mul in [n for n in nodes if n.op_type == 'Mul']:
            found = affine_block(mul) if mul in nodes else None
            if found is not None:
                x, c, add, d = found
                yield mul, x, c, add, d, users(add.output[0])

    # 3. Affine before convolutions that pad nothing.
    for mul, x, c, add, d, convs in affine_blocks():
        if add.output[0] in outputs or not convs or any(
            n.op_type != 'Conv' or n.input[0] != add.output[0] or any(p != 0 for p in attr(n, 'pads', [0])) or n.input[1] not in consts
            or (len(n.input) > 2 and n.input[2] not in consts)
            for n in convs
        ):
            continue
        for conv in convs:
            w, bias = conv_params(conv)
            set_conv(conv, x, w * c, bias + d * w.sum(axis=(1, 2, 3)))
        nodes.remove(mul)
        nodes.remove(add)
        counts['affine_before_conv'] += 1

    # 4. The affine blocks left (before padded convolutions) as a per-channel BatchNormalization, which onnxruntime
    #    runs inside its blocked (NCHWc) convolution layout instead of converting the feature map out and back.
    for mul, x, c, add, d, convs in affine_blocks():
        if not convs or any(n.op_type != 'Conv' or n.input[1] not in consts for n in convs):
            continue
        # The channel count, from the convolutions it feeds.
        ch = {consts[n.input[1]].shape[1] * (attr(n, 'group', 1) or 1) for n in convs}
        if len(ch) != 1:
            continue
        (ch,) = ch
        eps = 1e-5
        names = [new_name(mul.output[0] + k) for k in ('_bn_scale', '_bn_bias', '_bn_mean', '_bn_var')]
        for k, v in zip(names, (np.full(ch, c), np.full(ch, d), np.zeros(ch), np.full(ch, 1.0 - eps))):
            consts[k] = v.astype(np.float32)
        bn = helper.make_node('BatchNormalization', [x, *names], [add.output[0]], epsilon=eps)
        at = nodes.index(mul)
        nodes.remove(mul)
        nodes.remove(add)
        nodes.insert(at, bn)
        counts['affine_as_batchnorm'] += 1

    # 5. A recogniser (one output: Softmax over the classes of each time step, [N, T, C]) gives, instead of all C
    #    probabilities per step, what greedy CTC decoding reads: the best class (as float, exact below 2^24) and its
    #    probability. The [N, T, 6625] tensor no longer crosses into JavaScript (4.7 MB for a 1440-column line), nor
    #    is it scanned there; the classes chosen are the same (ArgMax takes the first of equal maxima, as the decoder does).
    if len(g.output) == 1:
        out = g.output[0]
        producer = next((n for n in nodes if out.name in n.output), None)
        dims = out.type.tensor_type.shape.dim
        if producer is not None and producer.op_type == 'Softmax' and len(dims) == 3 and attr(producer, 'axis', 1) in (2, -1):
            best_i = new_name(out.name + '_best_index')
            nodes.append(helper.make_node('ArgMax', [out.name], [best_i], axis=2, keepdims=0))
            nodes.append(helper.make_node('Cast', [best_i], ['best_class'], to=TensorProto.FLOAT))
            nodes.append(helper.make_node('ReduceMax', [out.name], ['best_prob'], axes=[2], keepdims=0))
            steps = [dims[0], dims[1]]
            del g.output[:]
            for name in ('best_class', 'best_prob'):
                vi = helper.make_tensor_value_info(name, TensorProto.FLOAT, None)
                for d in steps:
                    vi.type.tensor_type.shape.dim.add().CopyFrom(d)
                g.output.append(vi)
            counts['best_class_outputs'] = 1

    used = {i for n in nodes for i in n.input}
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend(numpy_helper.from_array(v, k) for k, v in consts.items() if k in used)
    return counts


def main(src: str, dst: str) -> None:
    model = onnx.load(src)
    counts = fold(model)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print(f'{src} -> {dst}: {counts}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
