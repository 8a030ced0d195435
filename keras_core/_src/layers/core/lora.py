"""What the weight layers share: LoRA adapters and the quantization stubs.

LoRA (low-rank adaptation, Hu et al. 2021) freezes a layer's main weight
`W` and trains two small factors instead: the layer computes with
`W + (lora_alpha / lora_rank) * (A @ B)`, where `A` holds all axes of `W`
but the last plus a `rank` axis, and `B` maps `rank` to the last axis.
`Dense`, `EinsumDense` and `Embedding` use it the same way, only the
weight names differ.
"""

from keras_core import ops

_QUANTIZATION_PENDING = (
    "quantization is not implemented in keras_core yet (it is planned in the "
    "quantization issue: `keras_core.quantizers` and `Layer.quantize`)."
)


def add_lora_weights(
    layer,
    base_name,
    rank,
    lora_alpha,
    a_initializer,
    b_initializer,
    names,
    regularizer=None,
):
    """Freezes `base` and adds the LoRA factors of `layer` for it.

    Args:
        layer: The built layer; its `lora_rank`, `lora_alpha` and
            `lora_enabled` attributes are set.
        base_name: The attribute holding the variable LoRA adapts.
        rank: The rank of the update, a positive integer.
        lora_alpha: The update's scale numerator; `rank` when None.
        a_initializer: Initializer of the first factor.
        b_initializer: Initializer of the second factor.
        names: The names of the two factor variables.
        regularizer: The regularizer of `base`, which both factors take
            (the frozen `base` itself then adds no loss).

    Returns:
        The two factor variables `(a, b)`.
    """
    kind = type(layer).__name__
    building = layer.__dict__.get("_building", False)
    if not (layer.built or building):
        raise ValueError(
            f"Cannot enable lora on a layer that isn't yet built. Layer "
            f"'{layer.name}' ({kind}) is not built: call it on data or call "
            "`layer.build(input_shape)` before `enable_lora()`."
        )
    if layer.lora_enabled:
        raise ValueError(
            f"lora is already enabled. This can only be done once per layer. "
            f"Layer '{layer.name}' ({kind}) has lora_rank={layer.lora_rank}."
        )
    if isinstance(rank, bool) or not isinstance(rank, int) or rank <= 0:
        raise ValueError(
            f"{kind}.enable_lora(): `rank` must be a positive integer. "
            f"Received: rank={rank!r}"
        )
    base = getattr(layer, base_name)
    # The base class locks state once built; LoRA is the one documented
    # exception, so reopen it for the two new weights (`build` may be the
    # caller: leave its flag as found).
    layer.__dict__["_building"] = True
    try:
        base.trainable = False
        a = layer.add_weight(
            name=names[0],
            shape=(*tuple(base.shape[:-1]), rank),
            initializer=a_initializer,
            regularizer=regularizer,
        )
        b = layer.add_weight(
            name=names[1],
            shape=(rank, base.shape[-1]),
            initializer=b_initializer,
            regularizer=regularizer,
        )
    finally:
        layer.__dict__["_building"] = building
    layer.lora_rank = rank
    layer.lora_alpha = rank if lora_alpha is None else lora_alpha
    layer.lora_enabled = True
    return a, b


def merged_weight(base_value, a, b, lora_alpha, lora_rank):
    """`base + (lora_alpha / lora_rank) * (a @ b)`, the weight LoRA computes."""
    update = ops.matmul(a.value, b.value)
    return ops.add(base_value, ops.multiply(update, lora_alpha / lora_rank))


def check_lora_rank(kind, lora_rank):
    """Raises for a `lora_rank` constructor argument that is not None or > 0."""
    if lora_rank is None:
        return
    if isinstance(lora_rank, bool) or not isinstance(lora_rank, int) or lora_rank <= 0:
        raise ValueError(
            f"{kind}: `lora_rank` must be a positive integer or None. "
            f"Received: lora_rank={lora_rank!r}"
        )


def lora_config(layer, config):
    """Adds `lora_rank` and `lora_alpha` to `config` when LoRA is on (as Keras)."""
    if layer.lora_rank:
        config["lora_rank"] = layer.lora_rank
        config["lora_alpha"] = layer.lora_alpha
    return config


def check_not_quantized(layer):
    """Raises in `build` when the dtype policy asks for quantized weights."""
    mode = layer.quantization_mode
    if mode is not None:
        raise NotImplementedError(
            f"Layer '{layer.name}' ({type(layer).__name__}) has the quantized "
            f"dtype policy {layer.dtype_policy.name!r} (mode={mode!r}), but "
            f"{_QUANTIZATION_PENDING} Use a float dtype policy such as 'float32'."
        )


def quantize_not_implemented(layer, mode):
    """The body of `quantize()` until quantization lands."""
    if not layer.built:
        raise ValueError(
            "Cannot quantize a layer that isn't yet built. Layer "
            f"'{layer.name}' (of type '{type(layer).__name__}') is not built yet."
        )
    raise NotImplementedError(
        f"{type(layer).__name__}.quantize(mode={mode!r}) on layer "
        f"'{layer.name}': {_QUANTIZATION_PENDING}"
    )
