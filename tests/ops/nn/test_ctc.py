"""The CTC ops of `keras_core.ops.nn` (`ctc_loss`, `ctc_decode`), one table.

References are independent of the backends' array algorithms: the loss sums
the probabilities of every alignment, enumerated by brute force; greedy
decoding is a plain loop; the beam search is a dict-based prefix beam
search. Inputs are random normal logits, so no ties decide a result (Keras's
backends order ties differently). A few values observed from Keras 3.15 pin
the conventions; result dtypes are checked against Keras 3.15 (the CTC rows
of `dtype_oracle_losses.json`).
"""

import itertools
import os

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import backend_gradients
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor

RNG = np.random.default_rng(7)


def logits(*shape):
    return RNG.normal(0, 1.5, size=shape).astype("float32")


def _log_softmax(x):
    shifted = x - x.max(-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))


def _collapse(path, blank, merge=True):
    labels, previous = [], None
    for c in path:
        if c != blank and (c != previous or not merge):
            labels.append(int(c))
        previous = c
    return tuple(labels)


def loss_reference(target, output, target_length, output_length, mask_index=0):
    """-log of the total probability of the alignments of each labelling."""
    log_probs = _log_softmax(output)
    classes = output.shape[-1]
    losses = []
    for b in range(output.shape[0]):
        steps, wanted = output_length[b], tuple(target[b, : target_length[b]])
        paths = np.array(
            [
                p
                for p in itertools.product(range(classes), repeat=steps)
                if _collapse(p, mask_index) == wanted
            ]
        )
        per_path = log_probs[b, np.arange(steps), paths].sum(axis=1)
        losses.append(-np.log(np.exp(per_path).sum()))
    return np.array(losses)


def greedy_reference(inputs, lengths, merge_repeated=True, mask_index=0, **_):
    batch, steps, classes = inputs.shape
    blank = classes - 1 if mask_index is None else mask_index
    decoded = np.full((1, batch, steps), -1, "int32")
    scores = np.zeros((batch, 1))
    for b in range(batch):
        best = inputs[b, : lengths[b]].argmax(-1)
        labels = _collapse(best, blank, merge_repeated)
        decoded[0, b, : len(labels)] = labels
        scores[b, 0] = -inputs[b, : lengths[b]].max(-1).sum()
    return decoded, scores


def _lse(*values):
    top = max(values)
    if top == -np.inf:
        return -np.inf
    return top + np.log(sum(np.exp(v - top) for v in values))


def _prefix_beam_search(log_probs, steps, blank, width):
    """(prefix, log p ending in blank, log p ending in a label) beams."""
    beams = {(): (0.0, -np.inf)}
    for t in range(steps):
        new = {}

        def add(prefix, blank_p=-np.inf, label_p=-np.inf, new=new):
            old_blank, old_label = new.get(prefix, (-np.inf, -np.inf))
            new[prefix] = (_lse(old_blank, blank_p), _lse(old_label, label_p))

        for prefix, (p_blank, p_label) in beams.items():
            total = _lse(p_blank, p_label)
            add(prefix, blank_p=total + log_probs[t, blank])
            if prefix:
                add(prefix, label_p=p_label + log_probs[t, prefix[-1]])
            for c in range(log_probs.shape[1]):
                if c != blank:
                    # A repeated label needs a blank between the two.
                    source = p_blank if prefix and c == prefix[-1] else total
                    add((*prefix, c), label_p=source + log_probs[t, c])
        ranked = sorted(new.items(), key=lambda item: -_lse(*item[1]))
        beams = dict(ranked[:width])
    return sorted(((k, _lse(*v)) for k, v in beams.items()), key=lambda kv: -kv[1])


def beam_reference(inputs, lengths, beam_width, top_paths, mask_index=0):
    batch, steps, classes = inputs.shape
    blank = classes - 1 if mask_index is None else mask_index
    log_probs = _log_softmax(inputs)
    decoded = np.full((top_paths, batch, steps), -1, "int32")
    scores = np.full((batch, top_paths), -np.inf)
    for b in range(batch):
        beams = _prefix_beam_search(log_probs[b], max(lengths[b], 1), blank, beam_width)
        for k, (labels, score) in enumerate(beams[:top_paths]):
            decoded[k, b, : len(labels)] = labels
            scores[b, k] = score
    return decoded, scores


def decode_reference(
    inputs,
    lengths,
    strategy="greedy",
    beam_width=100,
    top_paths=1,
    merge_repeated=True,
    mask_index=0,
):
    if strategy == "greedy":
        return greedy_reference(inputs, lengths, merge_repeated, mask_index)
    return beam_reference(inputs, lengths, beam_width, top_paths, mask_index)


def ints(*values):
    return np.array(values, "int32")


TARGETS = np.array([[1, 2, 0], [3, 3, 0]], "int32")


class TestCTC(TableTests):
    CASES = [
        Case(
            "ctc_loss",
            (TARGETS, logits(2, 4, 4), ints(2, 2), ints(4, 4)),
            reference=loss_reference,
            grad=True,
            grow=(0, 1, 2, 3),
            rtol=1e-5,
            label="repeat needs a blank",
        ),
        Case(
            "ctc_loss",
            (ints([1, 0, 2], [2, 1, 1]), logits(2, 5, 3), ints(1, 3), ints(3, 5)),
            reference=loss_reference,
            grad=True,
            grow=(0, 1, 2, 3),
            rtol=1e-5,
            label="lengths",
        ),
        Case(
            "ctc_loss",
            (ints([0, 1], [2, 2]), logits(2, 4, 4), ints(2, 1), ints(4, 3)),
            {"mask_index": 3},
            reference=loss_reference,
            grad=True,
            grow=(0, 1, 2, 3),
            rtol=1e-5,
            label="blank last",
        ),
        Case(
            "ctc_decode",
            (logits(2, 6, 4), ints(6, 4)),
            reference=decode_reference,
            grow=(0, 1),
            rtol=1e-5,
            label="greedy",
        ),
        Case(
            "ctc_decode",
            (logits(3, 6, 3), ints(6, 5, 0)),
            {"merge_repeated": False},
            reference=decode_reference,
            grow=(0, 1),
            rtol=1e-5,
            label="greedy no merge",
        ),
        Case(
            "ctc_decode",
            (logits(2, 6, 4), ints(6, 3)),
            {"mask_index": None},
            reference=decode_reference,
            grow=(0, 1),
            rtol=1e-5,
            label="greedy blank last",
        ),
        Case(
            "ctc_decode",
            (logits(2, 5, 4), ints(5, 4)),
            {"strategy": "beam_search", "beam_width": 3, "top_paths": 2},
            reference=decode_reference,
            grow=(0, 1),
            rtol=1e-5,
            label="beam",
        ),
        Case(
            "ctc_decode",
            (logits(2, 5, 3), ints(5, 2)),
            {"strategy": "beam_search", "beam_width": 20, "top_paths": 4},
            reference=decode_reference,
            grow=(0, 1),
            rtol=1e-5,
            label="wide beam",
        ),
        Case(
            "ctc_decode",
            (logits(2, 4, 3), ints(4, 1)),
            {"strategy": "beam_search", "beam_width": 2, "top_paths": 3},
            reference=decode_reference,
            grow=(0, 1),
            rtol=1e-5,
            label="more paths than beams",
        ),
    ]


def test_every_op_has_a_row():
    from keras_core._src.ops.nn import ctc

    assert sorted({c.op for c in TestCTC.CASES}) == sorted(ctc.__all__)
    assert ops.ctc_loss is ops.nn.ctc_loss
    assert ops.ctc_decode is ops.nn.ctc_decode


def test_random_beam_searches_match_the_reference():
    rng = np.random.default_rng(11)
    # Few shapes (each compiles once on jax); blanks and lengths vary.
    for beam_width, top_paths in [(1, 2), (3, 3), (3, 3), (20, 4)]:
        x = rng.normal(size=(2, 5, 3)).astype("float32") * 2
        lengths = rng.integers(0, 6, size=2).astype("int32")
        kwargs = {
            "beam_width": beam_width,
            "top_paths": top_paths,
            "mask_index": int(rng.integers(0, 3)),
        }
        decoded, scores = ops.ctc_decode(x, lengths, strategy="beam_search", **kwargs)
        want_decoded, want_scores = beam_reference(
            x.astype("float64"), lengths, **kwargs
        )
        np.testing.assert_array_equal(to_numpy(decoded), want_decoded)
        np.testing.assert_allclose(to_numpy(scores), want_scores, rtol=1e-5, atol=1e-6)


# Observed with Keras 3.15 (numpy and jax backends).
_X = np.random.default_rng(0).normal(size=(2, 5, 4)).astype("float32")
_LENGTHS = ints(5, 4)


def test_values_match_keras():
    close = np.testing.assert_allclose
    loss = ops.ctc_loss(TARGETS[:, :3], _X, ints(2, 2), _LENGTHS)
    close(to_numpy(loss), [5.029121, 3.8210368], rtol=1e-5)
    blank_last = ops.ctc_loss(ints([1, 2, 0], [2, 2, 0]), _X, ints(2, 2), _LENGTHS, 3)
    close(to_numpy(blank_last), [3.257799, 5.885562], rtol=1e-5)
    decoded, scores = ops.ctc_decode(_X, _LENGTHS)
    assert to_numpy(decoded).tolist() == [[[2, 3, 1, 3, -1], [1, 1, -1, -1, -1]]]
    close(to_numpy(scores), [[-2.8094704], [-3.0309744]], rtol=1e-5)
    decoded, _ = ops.ctc_decode(_X, _LENGTHS, mask_index=None)
    assert to_numpy(decoded).tolist() == [[[2, 1, -1, -1, -1], [1, 0, 1, -1, -1]]]
    decoded, scores = ops.ctc_decode(
        _X, _LENGTHS, strategy="beam_search", beam_width=3, top_paths=2
    )
    assert to_numpy(decoded).tolist() == [
        [[2, 3, -1, -1, -1], [1, 3, -1, -1, -1]],
        [[2, 3, 1, 3, -1], [1, 1, -1, -1, -1]],
    ]
    close(to_numpy(scores), [[-2.9098406, -2.9940724], [-2.1743286, -2.3149323]], 1e-5)
    # merge_repeated only changes greedy decoding.
    again, _ = ops.ctc_decode(
        _X,
        _LENGTHS,
        strategy="beam_search",
        beam_width=3,
        top_paths=2,
        merge_repeated=False,
    )
    assert to_numpy(again).tolist() == to_numpy(decoded).tolist()


def test_impossible_labelling_costs_a_large_finite_loss():
    # Three labels cannot fit in two steps: Keras gives about 1e5, not inf.
    x = logits(1, 2, 3)
    args = (ints([1, 2, 1]), x, ints(3), ints(2))
    loss = to_numpy(ops.ctc_loss(*args))
    assert np.all(np.isfinite(loss)) and loss[0] > 1e4, loss
    if BACKEND != "numpy":
        (grad,) = backend_gradients(
            lambda output: ops.ctc_loss(args[0], output, args[2], args[3]), [x]
        )
        assert np.all(np.isfinite(grad)), grad


def test_symbolic_shapes_with_unknown_dims():
    loss = ops.ctc_loss(
        KerasTensor((None, 3), dtype="int32"),
        KerasTensor((None, 6, 5)),
        KerasTensor((None,), dtype="int32"),
        KerasTensor((None,), dtype="int32"),
    )
    assert loss.shape == (None,) and loss.dtype == "float32"
    decoded, scores = ops.ctc_decode(
        KerasTensor((None, 6, 5)),
        KerasTensor((None,), dtype="int32"),
        strategy="beam_search",
        beam_width=4,
        top_paths=2,
    )
    assert decoded.shape == (2, None, 6) and decoded.dtype == "int32"
    assert scores.shape == (None, 2) and scores.dtype == "float32"


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: ops.ctc_loss(np.zeros(3, "int32"), _X, _LENGTHS, _LENGTHS),
            r"`ctc_loss`: `target` must have rank 2 \(batch, labels\). "
            r"Received: target.shape=\(3,\)",
        ),
        (
            lambda: ops.ctc_loss(TARGETS, _X[0], _LENGTHS, _LENGTHS),
            r"`ctc_loss`: `output` must have rank 3 \(batch, time, classes\)",
        ),
        (
            lambda: ops.ctc_loss(TARGETS[:1], _X, _LENGTHS, _LENGTHS),
            r"`ctc_loss`: `target` and `output` must have the same batch size. "
            r"Received: target.shape=\(1, 3\), output.shape=\(2, 5, 4\)",
        ),
        (
            lambda: ops.ctc_loss(TARGETS, _X, _LENGTHS[:, None], _LENGTHS),
            r"`ctc_loss`: `target_length` must have rank 1",
        ),
        (
            lambda: ops.ctc_decode(_X, _LENGTHS, strategy="sampling"),
            r"`ctc_decode`: invalid strategy 'sampling'",
        ),
        (
            lambda: ops.ctc_decode(_X, _LENGTHS, strategy="beam_search", beam_width=0),
            r"`ctc_decode`: `beam_width` and `top_paths` must be at least 1. "
            r"Received: beam_width=0, top_paths=1",
        ),
        (
            lambda: ops.ctc_decode(_X[0], _LENGTHS),
            r"`ctc_decode`: `inputs` must have rank 3",
        ),
        (
            lambda: ops.ctc_decode(_X, 5),
            r"`ctc_decode`: `sequence_lengths` must have rank 1",
        ),
    ],
)
def test_bad_arguments_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


ORACLE, TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_losses.json")
)


def _output(x):
    # A (1, 3, 2) tensor of the sample's dtype: two classes, three steps.
    return ops.broadcast_to(ops.reshape(x, (1, 1, 2)), (1, 3, 2))


FUNCTIONS = {
    "ctc_loss": lambda x: ops.ctc_loss(ints([1]), _output(x), ints(1), ints(3)),
    "ctc_decode:decoded": lambda x: ops.ctc_decode(_output(x), ints(3))[0],
    "ctc_decode:scores": lambda x: ops.ctc_decode(_output(x), ints(3))[1],
    "ctc_decode_beam:scores": lambda x: ops.ctc_decode(
        _output(x), ints(3), strategy="beam_search", beam_width=4
    )[1],
}


@pytest.mark.parametrize("op_name", sorted(FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(FUNCTIONS[op_name], ORACLE, TABLE, op_name)
    assert not mismatches, mismatches
