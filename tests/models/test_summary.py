# ruff: noqa: E501 (the expected tables are wider than a code line)
"""Tests of `Model.summary()` (keras_core._src.utils.summary_utils).

The expected texts were printed by Keras 3.15 (`print_fn=` capture) for the
same models, with the terminal 300 columns wide (`WIDE`) and 30 columns
wide (`NARROW`, where long lines wrap or are cropped).
"""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core._src.utils import summary_utils


class NT(layers.Layer):
    def build(self, input_shape):
        self.state = self.add_weight(
            shape=(3,), initializer="zeros", trainable=False, name="w"
        )

    def call(self, inputs):
        return inputs


class Two(layers.Layer):
    def call(self, x, y=None):
        return [x + y, x * 2]


class Sub(keras_core.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.first = layers.Dense(4, name="sa")
        self.second = layers.Dense(2, name="sb")

    def call(self, inputs):
        return self.second(self.first(inputs))


def _sequential():
    return keras_core.Sequential(
        [
            keras_core.Input((4,)),
            layers.Dense(3, name="d0"),
            layers.Dense(2, name="out"),
        ],
        name="seq",
    )


def _functional():
    a = keras_core.Input((4,), name="a")
    b = keras_core.Input((4,), name="b")
    shared = layers.Dense(3, name="shared")
    x, y = shared(a), shared(b)
    added = layers.Add(name="add_l")([x, y])
    joined = layers.Concatenate(name="cat")([x, y, added])
    head = layers.Dense(1, name="head")(joined)
    return keras_core.Model([a, b], [added, head], name="func")


def _nested():
    inner = keras_core.Sequential(
        [
            keras_core.Input((3,)),
            layers.Dense(4, name="i1"),
            layers.Dense(5, name="i2"),
        ],
        name="inner",
    )
    inner2 = keras_core.Sequential([layers.Dense(4, name="j1")], name="inner2")
    inputs = keras_core.Input((3,), name="xi")
    outputs = layers.Dense(1, name="top")(inner2(inner(inputs)))
    return keras_core.Model(inputs, outputs, name="outer")


def _mixed():
    inner_input = keras_core.Input((3,), name="ia")
    inner = keras_core.Model(
        inner_input, layers.Dense(3, name="idense")(inner_input), name="innf"
    )
    inner.trainable = False
    inputs = keras_core.Input((3,), name="x0")
    hidden = NT(name="nt")(inputs)
    first, second = Two(name="two")(hidden, y=inputs)
    shared = layers.Dense(3, name="dd")
    outputs = [shared(shared(inner(first))), layers.Dropout(0.1, name="drop")(second)]
    return keras_core.Model(inputs, outputs, name="mixed")


def _built_subclassed():
    model = Sub(name="sub")
    model(np.ones((2, 3), "float32"))
    return model


def _big():
    return keras_core.Sequential(
        [
            keras_core.Input((255,)),
            layers.Dense(4000, name="big1"),
            layers.Dense(1, name="big2"),
        ],
        name="big",
    )


def _long():
    return keras_core.Sequential(
        [
            keras_core.Input((4, 5, 6, 7)),
            layers.Dense(3, name="a_very_long_layer_name_indeed_more_more"),
        ],
        name="long",
    )


def _reshape():
    inputs = keras_core.Input((2, 3), name="x5")
    flat = layers.Flatten(name="fl")(inputs)
    return keras_core.Model(inputs, layers.Reshape((6,), name="rs")(flat), name="rshp")


CASES = {
    "seq": (_sequential, {}),
    "seq_tr": (_sequential, {"show_trainable": True}),
    "seq_ll40_tr": (_sequential, {"line_length": 40, "show_trainable": True}),
    "seq_ll130": (_sequential, {"line_length": 130}),
    "seq_pos3": (_sequential, {"positions": [0.1, 0.2, 0.3]}),
    "seq_pos5": (_sequential, {"positions": [0.5, 0.6, 1.5]}),
    "seq_pos7": (_sequential, {"positions": [0.5, 0.5575, 1.0]}),
    "func": (_functional, {}),
    "func_tr": (_functional, {"show_trainable": True}),
    "func_ll70": (_functional, {"line_length": 70}),
    "func_lr3": (_functional, {"layer_range": ("head", "shared")}),
    "func_lr4": (_functional, {"layer_range": ["s.*", "c.*"]}),
    "nested_exp": (_nested, {"expand_nested": True}),
    "nested_range": (
        _nested,
        {"layer_range": ["inner2", "top"], "expand_nested": True},
    ),
    "mixed": (_mixed, {"expand_nested": True, "show_trainable": True}),
    "unbuilt": (
        lambda: keras_core.Sequential(
            [layers.Dense(3, name="u1"), layers.Dense(2, name="u2")], name="unbuilt"
        ),
        {},
    ),
    "unbuilt_tr": (
        lambda: keras_core.Sequential([layers.Dense(3, name="u3")], name="unbuilt2"),
        {"show_trainable": True},
    ),
    "empty": (lambda: keras_core.Sequential(name="empty"), {}),
    "sub_unbuilt": (lambda: Sub(name="sub"), {}),
    "sub_built": (_built_subclassed, {}),
    "sub_nested": (
        lambda: keras_core.Sequential([_built_subclassed()], name="holder"),
        {"expand_nested": True},
    ),
    "big": (_big, {}),
    "big_narrow": (_big, {"line_length": 40}),
    "reshape": (_reshape, {}),
    "long31tr": (_long, {"line_length": 31, "show_trainable": True}),
}


def _summary(model, **kwargs):
    texts = []
    model.summary(print_fn=texts.append, **kwargs)
    assert len(texts) == 1
    return texts[0]


@pytest.mark.parametrize("key", sorted(CASES))
def test_matches_keras_wide_terminal(key, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    build, kwargs = CASES[key]
    assert _summary(build(), **kwargs) == "".join(WIDE[key])


@pytest.mark.parametrize(
    "key, build, kwargs",
    [("big", _big, {}), ("long40", _long, {"line_length": 40})],
)
def test_matches_keras_narrow_terminal(key, build, kwargs, monkeypatch):
    # Title and totals wrap at the terminal width; table lines are cropped.
    monkeypatch.setenv("COLUMNS", "30")
    assert _summary(build(), **kwargs) == "".join(NARROW[key])


def test_default_width_follows_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = _summary(_sequential()).splitlines()
    assert len(lines[1]) == 76  # min(88, 80 - 4)
    monkeypatch.setenv("COLUMNS", "300")
    assert len(_summary(_sequential()).splitlines()[1]) == 88
    assert len(_summary(_functional()).splitlines()[1]) == 108
    assert len(_summary(_functional(), show_trainable=True).splitlines()[1]) == 120


def test_prints_without_print_fn(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    model = _sequential()
    model.summary()
    assert capsys.readouterr().out == "".join(WIDE["seq"])


def test_non_trainable_totals(monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    model = _sequential()
    model.get_layer("out").trainable = False
    text = _summary(model, show_trainable=True)
    assert " Trainable params: 15 (60.00 B)\n" in text
    assert " Non-trainable params: 8 (32.00 B)\n" in text
    assert "│ out (Dense)" in text and "│    N    │" in text


def test_optimizer_line():
    class FakeOptimizer:
        built = True
        variables = [keras_core.Variable(np.zeros((2, 3), "float32"))]

    model = _sequential()
    model.optimizer = FakeOptimizer()
    lines = _summary(model).splitlines()
    assert lines[-4:] == [
        " Total params: 29 (116.00 B)",
        " Trainable params: 23 (92.00 B)",
        " Non-trainable params: 0 (0.00 B)",
        " Optimizer params: 6 (24.00 B)",
    ]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"line_length": 16, "show_trainable": True}, "Insufficient console width"),
        ({"positions": [0.5, 0.5, 1.0]}, "Insufficient console width"),
        (
            {"layer_range": ["shared"]},
            "layer_range must be a list or tuple of length 2",
        ),
        ({"layer_range": ["zz", "cat"]}, "do not match the layer names"),
        ({"positions": [0.5, 1.0]}, "`positions` must give the end of each"),
    ],
)
def test_errors(kwargs, message, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    with pytest.raises(ValueError, match=message):
        _summary(_functional() if "layer_range" in kwargs else _sequential(), **kwargs)


@pytest.mark.parametrize(
    "size, text",
    [
        (0, "0.00 B"),
        (1023, "1023.00 B"),
        (1024, "1.00 KB"),
        (3 * 1024**2, "3.00 MB"),
        (1.5 * 1024**4, "1.50 TB"),
        (3 * 1024**6, "3.00 PB"),
    ],
)
def test_readable_memory_size(size, text):
    assert summary_utils.readable_memory_size(size) == text


def test_counts_shared_weights_once():
    layer = layers.Dense(2)
    layer.build((None, 3))
    weights = layer.weights + layer.weights
    assert summary_utils.count_params(weights) == 8
    assert summary_utils.weight_memory_size(weights) == 32.0
    flags = keras_core.Variable(np.zeros((16,), "bool"), trainable=False)
    assert summary_utils.weight_memory_size([flags]) == 2.0


def test_format_layer_shape():
    layer = layers.Dense(3)
    assert summary_utils.format_layer_shape(layer) == "?"
    layer(keras_core.Input((4,)))
    assert summary_utils.format_layer_shape(layer) == "(None, 3)"
    eager = layers.Dense(2)
    eager(np.ones((5, 4), "float32"))
    assert summary_utils.format_layer_shape(eager) == "(5, 2)"


# Keras 3.15 output for CASES (COLUMNS=300) and the narrow cases (COLUMNS=30).

WIDE = {
    "seq": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ d0 (Dense)                           │ (None, 3)                   │              15 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ out (Dense)                          │ (None, 2)                   │               8 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "seq_tr": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━┓\n"
        "┃ Layer (type)                          ┃ Output Shape                  ┃        Param # ┃ Traina… ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━┩\n"
        "│ d0 (Dense)                            │ (None, 3)                     │             15 │    Y    │\n"
        "├───────────────────────────────────────┼───────────────────────────────┼────────────────┼─────────┤\n"
        "│ out (Dense)                           │ (None, 2)                     │              8 │    Y    │\n"
        "└───────────────────────────────────────┴───────────────────────────────┴────────────────┴─────────┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "seq_ll40_tr": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━┳━━━┓\n"
        "┃               ┃ Output    ┃ Par… ┃   ┃\n"
        "┃ Layer (type)  ┃ Shape     ┃    # ┃ … ┃\n"
        "┡━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━╇━━━┩\n"
        "│ d0 (Dense)    │ (None, 3) │   15 │ Y │\n"
        "├───────────────┼───────────┼──────┼───┤\n"
        "│ out (Dense)   │ (None, 2) │    8 │ Y │\n"
        "└───────────────┴───────────┴──────┴───┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "seq_ll130": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                                            ┃ Output Shape                               ┃                 Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ d0 (Dense)                                              │ (None, 3)                                  │                      15 │\n"
        "├─────────────────────────────────────────────────────────┼────────────────────────────────────────────┼─────────────────────────┤\n"
        "│ out (Dense)                                             │ (None, 2)                                  │                       8 │\n"
        "└─────────────────────────────────────────────────────────┴────────────────────────────────────────────┴─────────────────────────┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "seq_pos3": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)              ┃ Output Shape                ┃                    Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ d0 (Dense)                │ (None, 3)                   │                         15 │\n"
        "├───────────────────────────┼─────────────────────────────┼────────────────────────────┤\n"
        "│ out (Dense)               │ (None, 2)                   │                          8 │\n"
        "└───────────────────────────┴─────────────────────────────┴────────────────────────────┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "seq_pos5": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)               ┃┃                                                Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ d0 (Dense)                 ││                                                     15 │\n"
        "├────────────────────────────┼┼────────────────────────────────────────────────────────┤\n"
        "│ out (Dense)                ││                                                      8 │\n"
        "└────────────────────────────┴┴────────────────────────────────────────────────────────┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "seq_pos7": (
        'Model: "seq"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃                                           ┃ … ┃                                      ┃\n"
        "┃ Layer (type)                              ┃ … ┃                              Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ d0 (Dense)                                │ … │                                   15 │\n"
        "│                                           │ … │                                      │\n"
        "├───────────────────────────────────────────┼───┼──────────────────────────────────────┤\n"
        "│ out (Dense)                               │ … │                                    8 │\n"
        "│                                           │ … │                                      │\n"
        "└───────────────────────────────────────────┴───┴──────────────────────────────────────┘\n"
        " Total params: 23 (92.00 B)\n"
        " Trainable params: 23 (92.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "func": (
        'Model: "func"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ a (InputLayer)                │ (None, 4)                 │               0 │ -                          │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ b (InputLayer)                │ (None, 4)                 │               0 │ -                          │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ shared (Dense)                │ (None, 3)                 │              15 │ a[0][0], b[0][0]           │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ add_l (Add)                   │ (None, 3)                 │               0 │ shared[0][0], shared[1][0] │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ cat (Concatenate)             │ (None, 9)                 │               0 │ shared[0][0],              │\n"
        "│                               │                           │                 │ shared[1][0], add_l[0][0]  │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ head (Dense)                  │ (None, 1)                 │              10 │ cat[0][0]                  │\n"
        "└───────────────────────────────┴───────────────────────────┴─────────────────┴────────────────────────────┘\n"
        " Total params: 25 (100.00 B)\n"
        " Trainable params: 25 (100.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "func_tr": (
        'Model: "func"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┓\n"
        "┃ Layer (type)                  ┃ Output Shape              ┃          Param # ┃ Connected to              ┃ Trainable ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━┩\n"
        "│ a (InputLayer)                │ (None, 4)                 │                0 │ -                         │     -     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ b (InputLayer)                │ (None, 4)                 │                0 │ -                         │     -     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ shared (Dense)                │ (None, 3)                 │               15 │ a[0][0], b[0][0]          │     Y     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ add_l (Add)                   │ (None, 3)                 │                0 │ shared[0][0],             │     -     │\n"
        "│                               │                           │                  │ shared[1][0]              │           │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ cat (Concatenate)             │ (None, 9)                 │                0 │ shared[0][0],             │     -     │\n"
        "│                               │                           │                  │ shared[1][0], add_l[0][0] │           │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ head (Dense)                  │ (None, 1)                 │               10 │ cat[0][0]                 │     Y     │\n"
        "└───────────────────────────────┴───────────────────────────┴──────────────────┴───────────────────────────┴───────────┘\n"
        " Total params: 25 (100.00 B)\n"
        " Trainable params: 25 (100.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "func_ll70": (
        'Model: "func"\n'
        "┏━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)       ┃ Output Shape    ┃  Param # ┃ Connected to     ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━┩\n"
        "│ a (InputLayer)     │ (None, 4)       │        0 │ -                │\n"
        "├────────────────────┼─────────────────┼──────────┼──────────────────┤\n"
        "│ b (InputLayer)     │ (None, 4)       │        0 │ -                │\n"
        "├────────────────────┼─────────────────┼──────────┼──────────────────┤\n"
        "│ shared (Dense)     │ (None, 3)       │       15 │ a[0][0], b[0][0] │\n"
        "├────────────────────┼─────────────────┼──────────┼──────────────────┤\n"
        "│ add_l (Add)        │ (None, 3)       │        0 │ shared[0][0],    │\n"
        "│                    │                 │          │ shared[1][0]     │\n"
        "├────────────────────┼─────────────────┼──────────┼──────────────────┤\n"
        "│ cat (Concatenate)  │ (None, 9)       │        0 │ shared[0][0],    │\n"
        "│                    │                 │          │ shared[1][0],    │\n"
        "│                    │                 │          │ add_l[0][0]      │\n"
        "├────────────────────┼─────────────────┼──────────┼──────────────────┤\n"
        "│ head (Dense)       │ (None, 1)       │       10 │ cat[0][0]        │\n"
        "└────────────────────┴─────────────────┴──────────┴──────────────────┘\n"
        " Total params: 25 (100.00 B)\n"
        " Trainable params: 25 (100.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "func_lr3": (
        'Model: "func"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ shared (Dense)                │ (None, 3)                 │              15 │ a[0][0], b[0][0]           │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ add_l (Add)                   │ (None, 3)                 │               0 │ shared[0][0], shared[1][0] │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ cat (Concatenate)             │ (None, 9)                 │               0 │ shared[0][0],              │\n"
        "│                               │                           │                 │ shared[1][0], add_l[0][0]  │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ head (Dense)                  │ (None, 1)                 │              10 │ cat[0][0]                  │\n"
        "└───────────────────────────────┴───────────────────────────┴─────────────────┴────────────────────────────┘\n"
        " Total params: 25 (100.00 B)\n"
        " Trainable params: 25 (100.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "func_lr4": (
        'Model: "func"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ shared (Dense)                │ (None, 3)                 │              15 │ a[0][0], b[0][0]           │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ add_l (Add)                   │ (None, 3)                 │               0 │ shared[0][0], shared[1][0] │\n"
        "├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤\n"
        "│ cat (Concatenate)             │ (None, 9)                 │               0 │ shared[0][0],              │\n"
        "│                               │                           │                 │ shared[1][0], add_l[0][0]  │\n"
        "└───────────────────────────────┴───────────────────────────┴─────────────────┴────────────────────────────┘\n"
        " Total params: 25 (100.00 B)\n"
        " Trainable params: 25 (100.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "nested_exp": (
        'Model: "outer"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ xi (InputLayer)                      │ (None, 3)                   │               0 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ inner (Sequential)                   │ (None, 5)                   │              41 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│    └ i1 (Dense)                      │ (None, 4)                   │              16 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│    └ i2 (Dense)                      │ (None, 5)                   │              25 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ inner2 (Sequential)                  │ (None, 4)                   │              24 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│    └ j1 (Dense)                      │ (None, 4)                   │              24 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ top (Dense)                          │ (None, 1)                   │               5 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 70 (280.00 B)\n"
        " Trainable params: 70 (280.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "nested_range": (
        'Model: "outer"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ inner2 (Sequential)                  │ (None, 4)                   │              24 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│    └ j1 (Dense)                      │ (None, 4)                   │              24 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ top (Dense)                          │ (None, 1)                   │               5 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 70 (280.00 B)\n"
        " Trainable params: 70 (280.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "mixed": (
        'Model: "mixed"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┓\n"
        "┃ Layer (type)                  ┃ Output Shape              ┃          Param # ┃ Connected to              ┃ Trainable ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━┩\n"
        "│ x0 (InputLayer)               │ (None, 3)                 │                0 │ -                         │     -     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ nt (NT)                       │ (None, 3)                 │                3 │ x0[0][0]                  │     Y     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ two (Two)                     │ [(None, 3), (None, 3)]    │                0 │ nt[0][0], x0[0][0]        │     -     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ innf (Functional)             │ (None, 3)                 │               12 │ two[0][0]                 │     N     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│    └ ia (InputLayer)          │ (None, 3)                 │                0 │ -                         │     -     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│    └ idense (Dense)           │ (None, 3)                 │               12 │ -                         │     N     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ dd (Dense)                    │ (None, 3)                 │               12 │ innf[0][0], dd[0][0]      │     Y     │\n"
        "├───────────────────────────────┼───────────────────────────┼──────────────────┼───────────────────────────┼───────────┤\n"
        "│ drop (Dropout)                │ (None, 3)                 │                0 │ two[0][1]                 │     -     │\n"
        "└───────────────────────────────┴───────────────────────────┴──────────────────┴───────────────────────────┴───────────┘\n"
        " Total params: 27 (108.00 B)\n"
        " Trainable params: 12 (48.00 B)\n"
        " Non-trainable params: 15 (60.00 B)\n"
    ),
    "unbuilt": (
        'Model: "unbuilt"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ u1 (Dense)                           │ ?                           │     0 (unbuilt) │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ u2 (Dense)                           │ ?                           │     0 (unbuilt) │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 0 (0.00 B)\n"
        " Trainable params: 0 (0.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "unbuilt_tr": (
        'Model: "unbuilt2"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━┓\n"
        "┃ Layer (type)                          ┃ Output Shape                  ┃        Param # ┃ Traina… ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━┩\n"
        "│ u3 (Dense)                            │ ?                             │    0 (unbuilt) │    -    │\n"
        "└───────────────────────────────────────┴───────────────────────────────┴────────────────┴─────────┘\n"
        " Total params: 0 (0.00 B)\n"
        " Trainable params: 0 (0.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "empty": (
        'Model: "empty"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 0 (0.00 B)\n"
        " Trainable params: 0 (0.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "sub_unbuilt": (
        'Model: "sub"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ sa (Dense)                           │ ?                           │     0 (unbuilt) │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ sb (Dense)                           │ ?                           │     0 (unbuilt) │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 0 (0.00 B)\n"
        " Trainable params: 0 (0.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "sub_built": (
        'Model: "sub"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ sa (Dense)                           │ (2, 4)                      │              16 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ sb (Dense)                           │ (2, 2)                      │              10 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 26 (104.00 B)\n"
        " Trainable params: 26 (104.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "sub_nested": (
        'Model: "holder"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ sub (Sub)                            │ ?                           │              26 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│    └ sa (Dense)                      │ (2, 4)                      │              16 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│    └ sb (Dense)                      │ (2, 2)                      │              10 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 26 (104.00 B)\n"
        " Trainable params: 26 (104.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "big": (
        'Model: "big"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ big1 (Dense)                         │ (None, 4000)                │       1,024,000 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ big2 (Dense)                         │ (None, 1)                   │           4,001 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 1,028,001 (3.92 MB)\n"
        " Trainable params: 1,028,001 (3.92 MB)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "big_narrow": (
        'Model: "big"\n'
        "┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┓\n"
        "┃                 ┃ Output     ┃ Param ┃\n"
        "┃ Layer (type)    ┃ Shape      ┃     # ┃\n"
        "┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━┩\n"
        "│ big1 (Dense)    │ (None,     │ 1,02… │\n"
        "│                 │ 4000)      │       │\n"
        "├─────────────────┼────────────┼───────┤\n"
        "│ big2 (Dense)    │ (None, 1)  │ 4,001 │\n"
        "└─────────────────┴────────────┴───────┘\n"
        " Total params: 1,028,001 (3.92 MB)\n"
        " Trainable params: 1,028,001 (3.92 MB)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "reshape": (
        'Model: "rshp"\n'
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
        "│ x5 (InputLayer)                      │ (None, 2, 3)                │               0 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ fl (Flatten)                         │ (None, 6)                   │               0 │\n"
        "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n"
        "│ rs (Reshape)                         │ (None, 6)                   │               0 │\n"
        "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n"
        " Total params: 0 (0.00 B)\n"
        " Trainable params: 0 (0.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
    "long31tr": (
        'Model: "long"\n'
        "┏━━━━━━━━━━━┳━━━━━━━━━┳━━━┳━━━┓\n"
        "┃ Layer     ┃ Output  ┃ … ┃   ┃\n"
        "┃ (type)    ┃ Shape   ┃ # ┃ … ┃\n"
        "┡━━━━━━━━━━━╇━━━━━━━━━╇━━━╇━━━┩\n"
        "│ a_very_l… │ (None,  │ … │ Y │\n"
        "│ (Dense)   │ 4, 5,   │   │   │\n"
        "│           │ 6, 3)   │   │   │\n"
        "└───────────┴─────────┴───┴───┘\n"
        " Total params: 24 (96.00 B)\n"
        " Trainable params: 24 (96.00 B)\n"
        " Non-trainable params: 0 (0.00 B)\n"
    ),
}

NARROW = {
    "big": (
        'Model: "big"\n'
        "┏━━━━━━━━━━┳━━━━━━━┳━━━━━┓\n"
        "┃ Layer    ┃ Outp… ┃ Pa… ┃\n"
        "┃ (type)   ┃ Shape ┃   # ┃\n"
        "┡━━━━━━━━━━╇━━━━━━━╇━━━━━┩\n"
        "│ big1     │ (Non… │ 1,… │\n"
        "│ (Dense)  │ 4000) │     │\n"
        "├──────────┼───────┼─────┤\n"
        "│ big2     │ (Non… │ 4,… │\n"
        "│ (Dense)  │ 1)    │     │\n"
        "└──────────┴───────┴─────┘\n"
        " Total params: 1,028,001 (3.92\n"
        "MB)\n"
        " Trainable params: 1,028,001 \n"
        "(3.92 MB)\n"
        " Non-trainable params: 0 (0.00\n"
        "B)\n"
    ),
    "long40": (
        'Model: "long"\n'
        "┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━\n"
        "┃                 ┃ Output    \n"
        "┃ Layer (type)    ┃ Shape     \n"
        "┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━\n"
        "│ a_very_long_la… │ (None, 4, \n"
        "│ (Dense)         │ 5, 6, 3)  \n"
        "└─────────────────┴───────────\n"
        " Total params: 24 (96.00 B)\n"
        " Trainable params: 24 (96.00 \n"
        "B)\n"
        " Non-trainable params: 0 (0.00\n"
        "B)\n"
    ),
}
