"""The recurrent loop on torch: a Python loop over the time steps.

Torch runs eagerly, so the loop is plain Python (`unroll` changes nothing)
and autograd records every step. `lstm` and `gru` run torch's fused kernels
when the layer's configuration matches them.
"""

import collections
import weakref

import torch

from keras_core._src.backend.common import rnn_loop
from keras_core._src.backend.torch.core import convert_to_tensor
from keras_core._src.tree import tree_api


class FastPathUnavailable(Exception):
    """Raised by `lstm`/`gru` when no fused kernel can run the layer."""


_ARRAY = rnn_loop.ArrayFunctions(
    take=lambda x, index, axis: x.select(axis, index),
    where=torch.where,
    zeros_like=torch.zeros_like,
    stack=lambda values, axis: torch.stack(values, dim=axis),
    reshape=torch.reshape,
)


def rnn(
    step_function,
    inputs,
    initial_states,
    go_backwards=False,
    mask=None,
    constants=None,
    unroll=False,
    input_length=None,
    time_major=False,
    zero_output_for_mask=False,
    return_all_outputs=True,
):
    flat_inputs = [convert_to_tensor(x) for x in tree_api.flatten(inputs)]
    time_axis = 0 if time_major else 1
    if mask is not None:
        mask = convert_to_tensor(mask).bool()
    constants = list(constants or ())
    return rnn_loop.python_loop(
        _ARRAY,
        step_function,
        inputs,
        flat_inputs,
        initial_states,
        mask,
        constants,
        go_backwards,
        time_axis,
        zero_output_for_mask,
        return_all_outputs,
    )


def _right_padded_lengths(mask, time_steps):
    """Each row's number of valid steps, if every row is valid-then-padded."""
    mask = convert_to_tensor(mask).bool()
    lengths = mask.sum(dim=1)
    steps = torch.arange(time_steps, device=mask.device)
    if bool((lengths == 0).any()) or not torch.equal(
        mask, steps[None, :] < lengths[:, None]
    ):
        raise FastPathUnavailable("the mask is not right-padded")
    return lengths


def _run_fused(
    kernel_function,
    inputs,
    states,
    mask,
    params,
    has_biases,
    go_backwards,
    zero_output_for_mask,
):
    """Runs torch's fused `kernel_function` (`lstm`/`gru`) batch-first.

    `states` are `(batch, units)` tensors. A right-padded mask runs as a
    packed sequence, so padded steps leave the states alone; outputs at
    padded steps then repeat the last valid output, or are zeros.
    """
    # Strided views (a broadcast zero state, a transposed kernel) send
    # torch's CPU kernels down a path many times slower.
    inputs = convert_to_tensor(inputs).contiguous()
    dtype = inputs.dtype
    if any(p.dtype != dtype for p in params) or (
        inputs.device.type == "cpu" and dtype not in (torch.float32, torch.float64)
    ):
        raise FastPathUnavailable(f"no fused kernel for {dtype} on {inputs.device}")
    time_steps = inputs.shape[1]
    hidden = [convert_to_tensor(s).unsqueeze(0).contiguous() for s in states]
    hidden = hidden[0] if len(hidden) == 1 else tuple(hidden)
    train = torch.is_grad_enabled()
    if mask is None:
        if go_backwards:
            inputs = torch.flip(inputs, (1,))
        outputs, *final = kernel_function(
            inputs, hidden, params, has_biases, 1, 0.0, train, False, True
        )
    else:
        if go_backwards:
            raise FastPathUnavailable("a reversed masked sequence")
        lengths = _right_padded_lengths(mask, time_steps)
        packed = torch.nn.utils.rnn.pack_padded_sequence(
            inputs, lengths.cpu(), batch_first=True, enforce_sorted=False
        )
        order, inverse = packed.sorted_indices, packed.unsorted_indices
        if isinstance(hidden, tuple):
            hidden = tuple(h.index_select(1, order) for h in hidden)
        else:
            hidden = hidden.index_select(1, order)
        data, *final = kernel_function(
            packed.data,
            packed.batch_sizes,
            hidden,
            params,
            has_biases,
            1,
            0.0,
            train,
            False,
        )
        final = [state.index_select(1, inverse) for state in final]
        outputs, _ = torch.nn.utils.rnn.pad_packed_sequence(
            torch.nn.utils.rnn.PackedSequence(data, packed.batch_sizes, order, inverse),
            batch_first=True,
            total_length=time_steps,
        )
        if not zero_output_for_mask:
            valid = convert_to_tensor(mask).bool()[:, :, None]
            outputs = torch.where(valid, outputs, final[0].squeeze(0)[:, None, :])
    final = [state.squeeze(0) for state in final]
    return outputs[:, -1], outputs, final


def _params(kind, kernel, recurrent_kernel, bias, input_bias_and_recurrent_bias):
    """Torch's weight list from Keras's weights, reused while they are unchanged.

    Torch wants `(gates, features)` matrices, contiguous (see _run_fused):
    copies of the kernels. Without autograd (predict, evaluate) each batch
    brings the same weights, so the copies are kept and rebuilt only when a
    weight is replaced or written in place (its version counter moves).
    """
    weights = [
        None if weight is None else convert_to_tensor(weight)
        for weight in (kernel, recurrent_kernel, bias)
    ]

    def build():
        kernels = weights[:2]
        if kind == "gru":
            kernels = [_keras_to_torch_gates(k) for k in kernels]
        params = [k.T.contiguous() for k in kernels]
        if weights[2] is not None:
            params.extend(input_bias_and_recurrent_bias(weights[2]))
        return params

    present = [weight for weight in weights if weight is not None]
    if any(
        weight.is_inference() or (torch.is_grad_enabled() and weight.requires_grad)
        for weight in present
    ):
        # Under autograd the copies belong to the graph; weights made under
        # `torch.inference_mode` keep no version counter to check.
        return build()
    key = (kind, *(id(weight) for weight in weights))
    versions = tuple(weight._version for weight in present)
    entry = _PARAMS_CACHE.get(key)
    if (
        entry is not None
        and entry.versions == versions
        and all(
            ref() is weight for ref, weight in zip(entry.refs, present, strict=True)
        )
    ):
        return entry.params
    params = build()
    refs = [
        weakref.ref(weight, lambda _, key=key: _PARAMS_CACHE.pop(key, None))
        for weight in present
    ]
    _PARAMS_CACHE[key] = _CachedParams(refs, versions, params)
    return params


# Inference-time weight lists (see `_params`), keyed by the kind of kernel and
# the ids of Keras's weights; an entry leaves when one of its weights dies.
_PARAMS_CACHE = {}
_CachedParams = collections.namedtuple("_CachedParams", ["refs", "versions", "params"])


def lstm(
    inputs,
    initial_state_h,
    initial_state_c,
    mask,
    kernel,
    recurrent_kernel,
    bias,
    return_sequences=False,
    go_backwards=False,
    zero_output_for_mask=False,
):
    """Runs a Keras-layout LSTM with torch's fused kernel.

    Keras's gate order (input, forget, cell, output) is torch's; torch
    adds a second (recurrent) bias, zero here.
    """
    params = _params(
        "lstm", kernel, recurrent_kernel, bias, lambda b: [b, torch.zeros_like(b)]
    )
    return _run_fused(
        torch._VF.lstm,
        inputs,
        [initial_state_h, initial_state_c],
        mask,
        params,
        bias is not None,
        go_backwards,
        zero_output_for_mask,
    )


def _keras_to_torch_gates(weight):
    # Keras stacks the GRU gates as (update, reset, candidate) along the
    # last axis; torch stacks (reset, update, candidate) along the first.
    update, reset, candidate = torch.chunk(weight, 3, dim=-1)
    return torch.cat([reset, update, candidate], dim=-1)


def gru(
    inputs,
    initial_state,
    mask,
    kernel,
    recurrent_kernel,
    bias,
    return_sequences=False,
    go_backwards=False,
    zero_output_for_mask=False,
):
    """Runs a Keras-layout GRU (`reset_after=True`) with torch's fused kernel.

    `bias` is Keras's `(2, 3 * units)` pair of input and recurrent biases.
    """
    params = _params(
        "gru",
        kernel,
        recurrent_kernel,
        bias,
        lambda b: [_keras_to_torch_gates(b[0]), _keras_to_torch_gates(b[1])],
    )
    last_output, outputs, final = _run_fused(
        torch._VF.gru,
        inputs,
        [initial_state],
        mask,
        params,
        bias is not None,
        go_backwards,
        zero_output_for_mask,
    )
    return last_output, outputs, final
