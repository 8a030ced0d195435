"""Crossentropies, focal losses, KL divergence and Poisson against NumPy."""

import warnings

import numpy as np
import pytest

import keras_core
from keras_core import losses
from keras_core import ops
from keras_core._src import api_export
from keras_core._src.backend.common.keras_tensor import KerasTensor

BACKEND = keras_core.config.backend()
EPSILON = 1e-7
RNG = np.random.RandomState(5)


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def clipped(p):
    return np.clip(p.astype("float32"), EPSILON, np.float32(1 - EPSILON)).astype(
        "float64"
    )


def log_sigmoid(x):
    return -np.logaddexp(0.0, -x.astype("float64"))


def log_softmax(x, axis=-1):
    x = x.astype("float64")
    return x - np.logaddexp.reduce(x, axis=axis, keepdims=True)


def np_bce(y, p, from_logits=False, label_smoothing=0.0, axis=-1):
    y = y * (1 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        per_entry = -(y * log_sigmoid(p) + (1 - y) * log_sigmoid(-p))
    else:
        p = clipped(p)
        per_entry = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    return per_entry.mean(axis)


def np_bfce(
    y,
    p,
    apply_class_balancing=False,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    y = y * (1 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        crossentropy = -(y * log_sigmoid(p) + (1 - y) * log_sigmoid(-p))
        p = np.exp(log_sigmoid(p))
    else:
        crossentropy = -(y * np.log(clipped(p)) + (1 - y) * np.log(1 - clipped(p)))
    p_t = y * p + (1 - y) * (1 - p)
    focal = (1 - p_t) ** gamma * crossentropy
    if apply_class_balancing:
        focal *= y * alpha + (1 - y) * (1 - alpha)
    return focal.mean(axis)


def smooth(y, label_smoothing, axis):
    return y * (1 - label_smoothing) + label_smoothing / y.shape[axis]


def probabilities_of(p, from_logits, axis):
    if from_logits:
        return log_softmax(p, axis)
    p = p / p.sum(axis, keepdims=True)
    return np.log(clipped(p))


def np_cce(y, p, from_logits=False, label_smoothing=0.0, axis=-1):
    y = smooth(y, label_smoothing, axis)
    return -(y * probabilities_of(p, from_logits, axis)).sum(axis)


def np_cfce(
    y, p, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1
):
    y = smooth(y, label_smoothing, axis)
    log_p = probabilities_of(p, from_logits, axis)
    modulating = (1 - clipped(np.exp(log_p))) ** gamma
    return (alpha * modulating * -y * log_p).sum(axis)


def np_scce(labels, p, from_logits=False, axis=-1):
    log_p = np.moveaxis(probabilities_of(p, from_logits, axis), axis, -1)
    return -np.take_along_axis(log_p, labels[..., None], -1)[..., 0]


def np_kld(y, p):
    y, p = np.clip(y, EPSILON, 1), np.clip(p, EPSILON, 1)
    return (y * np.log(y / p)).sum(-1)


def np_poisson(y, p):
    return (p - y * np.log(p + EPSILON)).mean(-1)


def binary_inputs(shape, from_logits):
    y = (RNG.rand(*shape) > 0.5).astype("float32")
    if from_logits:
        return y, (RNG.randn(*shape) * 4).astype("float32")
    p = RNG.uniform(0.01, 0.99, size=shape).astype("float32")
    p.flat[0], p.flat[-1] = 0.0, 1.0  # clipped to [epsilon, 1 - epsilon]
    return y, p


def categorical_inputs(shape, from_logits, axis=-1):
    classes = shape[axis]
    labels = RNG.randint(0, classes, size=np.delete(shape, axis % len(shape)))
    one_hot = np.moveaxis(np.eye(classes, dtype="float32")[labels], -1, axis)
    if from_logits:
        return labels, one_hot, (RNG.randn(*shape) * 3).astype("float32")
    p = RNG.uniform(0.05, 1.0, size=shape).astype("float32")
    return labels, one_hot, p


def check(result, expected, rtol=2e-5):
    result = value_of(result)
    assert result.shape == np.shape(expected)
    np.testing.assert_allclose(result, expected, rtol=rtol, atol=1e-5)


BINARY_OPTIONS = [
    {},
    {"from_logits": True},
    {"label_smoothing": 0.2},
    {"from_logits": True, "label_smoothing": 0.1, "axis": 1},
]


@pytest.mark.parametrize("options", BINARY_OPTIONS)
@pytest.mark.parametrize("shape", [(4, 3), (2, 3, 5)])
def test_binary_crossentropy(options, shape):
    y, p = binary_inputs(shape, options.get("from_logits", False))
    check(losses.binary_crossentropy(y, p, **options), np_bce(y, p, **options))


FOCAL_OPTIONS = [
    {},
    {"gamma": 0.0},
    {"apply_class_balancing": True, "alpha": 0.4, "gamma": 1.5},
    {"from_logits": True, "label_smoothing": 0.1},
    {"from_logits": True, "apply_class_balancing": True, "axis": 1},
]


@pytest.mark.parametrize("options", FOCAL_OPTIONS)
@pytest.mark.parametrize("shape", [(4, 3), (2, 3, 5)])
def test_binary_focal_crossentropy(options, shape):
    y, p = binary_inputs(shape, options.get("from_logits", False))
    expected = np_bfce(y, p, **options)
    check(losses.binary_focal_crossentropy(y, p, **options), expected)


CATEGORICAL_OPTIONS = [
    {},
    {"from_logits": True},
    {"label_smoothing": 0.3},
    {"from_logits": True, "label_smoothing": 0.1, "axis": 1},
    {"axis": 1},
]


@pytest.mark.parametrize("options", CATEGORICAL_OPTIONS)
@pytest.mark.parametrize("shape", [(4, 3), (2, 4, 5)])
def test_categorical_crossentropy(options, shape):
    axis = options.get("axis", -1)
    _, y, p = categorical_inputs(shape, options.get("from_logits", False), axis)
    check(losses.categorical_crossentropy(y, p, **options), np_cce(y, p, **options))


@pytest.mark.parametrize(
    "options",
    [*CATEGORICAL_OPTIONS, {"alpha": 1.0, "gamma": 0.5}, {"gamma": 0.0}],
)
@pytest.mark.parametrize("shape", [(4, 3), (2, 4, 5)])
def test_categorical_focal_crossentropy(options, shape):
    axis = options.get("axis", -1)
    _, y, p = categorical_inputs(shape, options.get("from_logits", False), axis)
    expected = np_cfce(y, p, **options)
    check(losses.categorical_focal_crossentropy(y, p, **options), expected)


@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("shape, axis", [((5, 4), -1), ((2, 3, 4), -1), ((2, 4, 3), 1)])
def test_sparse_categorical_crossentropy(from_logits, shape, axis):
    labels, _, p = categorical_inputs(shape, from_logits, axis)
    expected = np_scce(labels, p, from_logits, axis)
    result = losses.sparse_categorical_crossentropy(
        labels, p, from_logits=from_logits, axis=axis
    )
    check(result, expected)
    # Float labels and a trailing unit axis are accepted.
    result = losses.sparse_categorical_crossentropy(
        labels[..., None].astype("float32"), p, from_logits=from_logits, axis=axis
    )
    check(result, expected)


@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "sum", None])
def test_sparse_ignore_class(reduction):
    labels, _, p = categorical_inputs((3, 4, 5), True)
    labels[0, :2] = -1
    labels[2, 3] = -1
    full = np_scce(np.where(labels == -1, 0, labels), p, True)
    kept = labels != -1
    expected_values = np.where(kept, full, 0.0)
    check(
        losses.sparse_categorical_crossentropy(
            labels, p, from_logits=True, ignore_class=-1
        ),
        expected_values,
    )
    loss = losses.SparseCategoricalCrossentropy(
        from_logits=True, ignore_class=-1, reduction=reduction
    )
    expected = {
        # Ignored entries are left out of the count, as masked ones.
        "sum_over_batch_size": expected_values.sum() / kept.sum(),
        "sum": expected_values.sum(),
        None: expected_values,
    }[reduction]
    check(loss(labels, p), expected)


def test_sparse_labels_stay_integers_in_half_precision():
    # Label 2049 is not a float16 number: it must not pass through one.
    logits = np.zeros((1, 2100), "float32")
    logits[0, 2049] = 10.0
    loss = losses.SparseCategoricalCrossentropy(from_logits=True, dtype="float16")
    expected = np_scce(np.array([2049]), logits, from_logits=True)
    np.testing.assert_allclose(value_of(loss([2049], logits)), expected[0], rtol=1e-2)


@pytest.mark.parametrize("q", [0.2, 0.7])
def test_categorical_generalized_cross_entropy(q):
    labels, _, p = categorical_inputs((6, 4), False)
    p = p / p.sum(-1, keepdims=True)
    p_true = np.take_along_axis(p, labels[:, None], -1)[:, 0]
    expected = (1 - p_true**q) / q
    check(losses.categorical_generalized_cross_entropy(labels, p, q=q), expected)
    check(losses.categorical_generalized_cross_entropy(labels[:, None], p, q), expected)
    loss = losses.CategoricalGeneralizedCrossEntropy(q=q)
    check(
        loss(labels, p, sample_weight=np.arange(6.0)), (expected * np.arange(6)).mean()
    )


def test_generalized_cross_entropy_errors():
    for q in (0.0, 1.0, -0.5, 1.5):
        with pytest.raises(ValueError, match=f"q` must be strictly.*q={q}"):
            losses.CategoricalGeneralizedCrossEntropy(q=q)
    with pytest.raises(ValueError, match=r"class indices.*argmax"):
        losses.categorical_generalized_cross_entropy(np.eye(3), np.eye(3), q=0.5)


def test_kl_divergence_and_poisson():
    y = RNG.rand(4, 5).astype("float32")
    p = RNG.rand(4, 5).astype("float32")
    y[0, 0], p[1, 1] = 0.0, 0.0
    check(losses.kl_divergence(y, p), np_kld(y, p))
    check(losses.poisson(y, p), np_poisson(y, p))
    weights = np.array([1.0, 0.0, 2.0, 1.0])
    check(losses.KLDivergence()(y, p, weights), (np_kld(y, p) * weights).mean())
    check(losses.Poisson(reduction="sum")(y, p), np_poisson(y, p).sum())


def test_clipping_at_zero_and_one():
    # A confident wrong probability costs about -log(epsilon), not inf.
    result = value_of(losses.binary_crossentropy([[0.0, 1.0]], [[1.0, 0.0]]))
    assert 15.0 < result[0] < 16.2
    result = value_of(losses.categorical_crossentropy([[0.0, 1.0]], [[1.0, 0.0]]))
    np.testing.assert_allclose(result, [-np.log(EPSILON)], rtol=1e-3)


EXTREME = np.array([[1e4, -1e4, 30.0, -30.0]], "float32")
EXTREME_TARGETS = np.array([[0.0, 1.0, 0.0, 1.0]], "float32")


def stable_cases():
    one_hot = np.array([[0.0, 1.0, 0.0, 0.0]], "float32")
    return [
        (
            lambda x: losses.binary_crossentropy(EXTREME_TARGETS, x, from_logits=True),
            np_bce(EXTREME_TARGETS, EXTREME, from_logits=True),
        ),
        (
            lambda x: losses.binary_focal_crossentropy(
                EXTREME_TARGETS, x, from_logits=True, gamma=0.0
            ),
            np_bce(EXTREME_TARGETS, EXTREME, from_logits=True),
        ),
        (
            lambda x: losses.categorical_crossentropy(one_hot, x, from_logits=True),
            np_cce(one_hot, EXTREME, from_logits=True),
        ),
        (
            lambda x: losses.categorical_focal_crossentropy(
                one_hot, x, from_logits=True, alpha=1.0, gamma=0.0
            ),
            np_cce(one_hot, EXTREME, from_logits=True),
        ),
        (
            lambda x: losses.sparse_categorical_crossentropy([1], x, from_logits=True),
            np_scce(np.array([1]), EXTREME, from_logits=True),
        ),
    ]


@pytest.mark.parametrize("index", range(5))
def test_huge_logits_give_the_stable_value(index):
    function, expected = stable_cases()[index]
    result = value_of(function(EXTREME))
    assert np.all(np.isfinite(result))
    np.testing.assert_allclose(result, expected, rtol=1e-5)


def framework_gradient(function, x):
    """d sum(function(x)) / dx, by the backend's own autodiff."""
    if BACKEND == "jax":
        import jax

        return np.asarray(jax.grad(lambda v: function(v).sum())(x))
    if BACKEND == "torch":
        import torch

        tensor = torch.tensor(x, requires_grad=True)
        function(tensor).sum().backward()
        return tensor.grad.numpy()
    if BACKEND == "tensorflow":
        import tensorflow as tf

        variable = tf.Variable(x)
        with tf.GradientTape() as tape:
            total = tf.reduce_sum(function(variable))
        return tape.gradient(total, variable).numpy()
    pytest.skip("the numpy backend computes no gradients")


@pytest.mark.parametrize("index", range(5))
def test_huge_logits_give_finite_gradients(index):
    function, _ = stable_cases()[index]
    gradient = framework_gradient(function, EXTREME)
    assert np.all(np.isfinite(gradient))
    # The wrong-side logits are pushed back at full strength.
    assert np.abs(gradient).max() > 0.1


def test_axis_must_not_be_a_boolean():
    for function in (
        losses.categorical_crossentropy,
        losses.categorical_focal_crossentropy,
    ):
        with pytest.raises(ValueError, match=r"axis=True.*from_logits=True"):
            function(np.eye(3), np.eye(3), axis=True)


def test_single_class_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        losses.categorical_crossentropy(np.ones((2, 1)), np.ones((2, 1)))
    assert any("single class" in str(w.message) for w in caught)


CLASSES = [
    (losses.BinaryCrossentropy, {"from_logits": True, "label_smoothing": 0.1}),
    (losses.BinaryFocalCrossentropy, {"apply_class_balancing": True, "gamma": 1.0}),
    (losses.CategoricalCrossentropy, {"label_smoothing": 0.2, "axis": -1}),
    (losses.CategoricalFocalCrossentropy, {"alpha": 0.5, "from_logits": True}),
    (losses.SparseCategoricalCrossentropy, {"ignore_class": 0, "from_logits": True}),
    (losses.CategoricalGeneralizedCrossEntropy, {"q": 0.3}),
    (losses.KLDivergence, {}),
    (losses.Poisson, {}),
]

DEFAULT_CONFIGS = {
    "BinaryCrossentropy": {"from_logits": False, "label_smoothing": 0.0, "axis": -1},
    "BinaryFocalCrossentropy": {
        "from_logits": False,
        "label_smoothing": 0.0,
        "axis": -1,
        "apply_class_balancing": False,
        "alpha": 0.25,
        "gamma": 2.0,
    },
    "CategoricalCrossentropy": {
        "from_logits": False,
        "label_smoothing": 0.0,
        "axis": -1,
    },
    "CategoricalFocalCrossentropy": {
        "from_logits": False,
        "label_smoothing": 0.0,
        "axis": -1,
        "alpha": 0.25,
        "gamma": 2.0,
    },
    # Keras 3.15 leaves `axis` out of this one.
    "SparseCategoricalCrossentropy": {
        "from_logits": False,
        "ignore_class": None,
        "axis": -1,
    },
    "CategoricalGeneralizedCrossEntropy": {"q": 0.5},
    "KLDivergence": {},
    "Poisson": {},
}


@pytest.mark.parametrize("cls, kwargs", CLASSES, ids=[c[0].__name__ for c in CLASSES])
def test_class_configs(cls, kwargs):
    default = cls()
    snake = {
        "KLDivergence": "kl_divergence",
        "CategoricalGeneralizedCrossEntropy": "categorical_generalized_cross_entropy",
    }.get(cls.__name__, default.name)
    assert default.get_config() == {
        "name": snake,
        "reduction": "sum_over_batch_size",
        **DEFAULT_CONFIGS[cls.__name__],
    }
    loss = cls(name="x", reduction="sum", **kwargs)
    config = loss.get_config()
    for key, value in kwargs.items():
        assert config[key] == value
    assert cls.from_config(config).get_config() == config


@pytest.mark.parametrize(
    "reduction", ["sum_over_batch_size", "mean_with_sample_weight"]
)
def test_class_matches_weighted_function(reduction):
    y, p = binary_inputs((6, 4), True)
    weights = RNG.rand(6, 1).astype("float32")
    loss = losses.BinaryFocalCrossentropy(
        from_logits=True, apply_class_balancing=True, reduction=reduction
    )
    weighted = (
        np_bfce(y, p, from_logits=True, apply_class_balancing=True) * weights[:, 0]
    )
    divisor = weighted.size if reduction == "sum_over_batch_size" else weights.sum()
    check(loss(y, p, sample_weight=weights), weighted.sum() / divisor)


def test_symbolic_shapes():
    result = losses.SparseCategoricalCrossentropy()(
        KerasTensor((None, 7), dtype="int32"), KerasTensor((None, 7, 4))
    )
    assert result.shape == ()
    result = losses.binary_crossentropy(KerasTensor((None, 7)), KerasTensor((None, 7)))
    assert result.shape == (None,)
    result = losses.categorical_crossentropy(
        KerasTensor((2, 4, 3)), KerasTensor((2, 4, 3)), axis=1
    )
    assert result.shape == (2, 3)


def test_functions_are_public_as_metrics_too():
    for name in (
        "binary_crossentropy",
        "binary_focal_crossentropy",
        "categorical_crossentropy",
        "categorical_focal_crossentropy",
        "sparse_categorical_crossentropy",
        "kl_divergence",
        "poisson",
    ):
        assert api_export.public_object("keras.metrics", name) is getattr(losses, name)
    assert (
        api_export.public_object(
            "keras.metrics", "categorical_generalized_cross_entropy"
        )
        is None
    )
