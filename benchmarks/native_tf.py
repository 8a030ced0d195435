"""Hand-written TensorFlow loops: `tf.Variable`s and a `tf.function` step.

This is the code a TensorFlow user writes without Keras: variables, a
`GradientTape`, Adam through TensorFlow's fused `ResourceApplyAdam` kernel,
one traced step fed NumPy batches converted per step.
"""

import numpy as np
import tensorflow as tf
from workloads import LSTM
from workloads import TRANSFORMER
from workloads import VOCAB

_RNG = np.random.default_rng(0)


def _variable(shape, scale=None):
    if scale is None:
        fan_in, fan_out = int(np.prod(shape[:-1])), shape[-1]
        scale = np.sqrt(6.0 / (fan_in + fan_out))
        value = _RNG.uniform(-scale, scale, shape)
    else:
        value = _RNG.normal(size=shape) * scale
    return tf.Variable(value.astype("float32"))


def _dense_params(fan_in, fan_out):
    return {"w": _variable((fan_in, fan_out)), "b": tf.Variable(tf.zeros(fan_out))}


def _dense(params, x):
    return tf.matmul(x, params["w"]) + params["b"]


def _norm(params, x):
    mean, variance = tf.nn.moments(x, axes=[-1], keepdims=True)
    return (x - mean) * tf.math.rsqrt(variance + 1e-3) * params["g"] + params["b"]


def _norm_params(size):
    return {"g": tf.Variable(tf.ones(size)), "b": tf.Variable(tf.zeros(size))}


def _init(name):
    if name == "mlp":
        return [
            _dense_params(784, 512),
            _dense_params(512, 512),
            _dense_params(512, 10),
        ]
    if name == "convnet":
        return {
            "conv1": {"w": _variable((5, 5, 1, 32)), "b": tf.Variable(tf.zeros(32))},
            "conv2": {"w": _variable((5, 5, 32, 64)), "b": tf.Variable(tf.zeros(64))},
            "dense": _dense_params(7 * 7 * 64, 1024),
            "head": _dense_params(1024, 10),
        }
    if name == "transformer":
        d_model, hidden = TRANSFORMER["d_model"], TRANSFORMER["feed_forward"]
        blocks = [
            {
                **{n: _dense_params(d_model, d_model) for n in "qkvo"},
                "norm1": _norm_params(d_model),
                "ff1": _dense_params(d_model, hidden),
                "ff2": _dense_params(hidden, d_model),
                "norm2": _norm_params(d_model),
            }
            for _ in range(2)
        ]
        return {
            "embedding": _variable((VOCAB, d_model), scale=0.05),
            "positions": _variable((TRANSFORMER["sequence"], d_model), scale=0.05),
            "blocks": blocks,
            "head": _dense_params(d_model, 2),
        }
    units = LSTM["units"]
    return {
        "embedding": _variable((VOCAB, LSTM["embedding"]), scale=0.05),
        "kernel": _dense_params(LSTM["embedding"], 4 * units),
        "recurrent": _variable((units, 4 * units)),
        "head": _dense_params(units, 2),
    }


def _attention(block, x):
    heads = TRANSFORMER["heads"]
    depth = TRANSFORMER["d_model"] // heads
    shape = tf.shape(x)

    def split(t):
        return tf.reshape(t, [shape[0], shape[1], heads, depth])

    q, k, v = (split(_dense(block[n], x)) for n in "qkv")
    scores = tf.einsum("bqhd,bkhd->bhqk", q, k) / np.sqrt(depth)
    mixed = tf.einsum("bhqk,bkhd->bqhd", tf.nn.softmax(scores), v)
    return _dense(block["o"], tf.reshape(mixed, shape))


def _lstm_last_output(params, x):
    projected = _dense(params["kernel"], x)

    def step(carry, inputs_t):
        h, c = carry
        gates = inputs_t + tf.matmul(h, params["recurrent"])
        i, f, g, o = tf.split(gates, 4, axis=-1)
        c = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(g)
        return tf.sigmoid(o) * tf.tanh(c), c

    zeros = tf.zeros([tf.shape(x)[0], LSTM["units"]])
    h, _ = tf.scan(step, tf.transpose(projected, [1, 0, 2]), initializer=(zeros, zeros))
    return h[-1]


def _forward(name, params, x, training):
    if name == "mlp":
        for layer in params[:-1]:
            x = tf.nn.relu(_dense(layer, x))
        return _dense(params[-1], x)
    if name == "convnet":
        for conv in ("conv1", "conv2"):
            x = tf.nn.conv2d(x, params[conv]["w"], 1, "SAME") + params[conv]["b"]
            x = tf.nn.max_pool2d(tf.nn.relu(x), 2, 2, "VALID")
        x = tf.nn.relu(_dense(params["dense"], tf.reshape(x, [-1, 7 * 7 * 64])))
        if training:
            x = tf.nn.dropout(x, 0.5)
        return _dense(params["head"], x)
    if name == "transformer":
        x = tf.gather(params["embedding"], x) + params["positions"]
        for block in params["blocks"]:
            x = _norm(block["norm1"], x + _attention(block, x))
            hidden = tf.nn.relu(_dense(block["ff1"], x))
            x = _norm(block["norm2"], x + _dense(block["ff2"], hidden))
        return _dense(params["head"], tf.reduce_mean(x, axis=1))
    hidden = _lstm_last_output(params, tf.gather(params["embedding"], x))
    return _dense(params["head"], hidden)


class NativeLoop:
    """Trains and predicts one workload with plain TensorFlow."""

    def __init__(self, name):
        self.name = name
        self.params = _init(name)
        self.variables = tf.nest.flatten(self.params)
        self.slots = [
            (tf.Variable(tf.zeros_like(v)), tf.Variable(tf.zeros_like(v)))
            for v in self.variables
        ]
        self.step_count = tf.Variable(0.0)

        @tf.function(autograph=False, reduce_retracing=True)
        def train_step(x, y):
            with tf.GradientTape() as tape:
                logits = _forward(name, self.params, x, training=True)
                loss = tf.reduce_mean(
                    tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits)
                )
            grads = tape.gradient(loss, self.variables)
            self.step_count.assign_add(1.0)
            beta1_power = tf.pow(0.9, self.step_count)
            beta2_power = tf.pow(0.999, self.step_count)
            for variable, (m, v), grad in zip(
                self.variables, self.slots, grads, strict=True
            ):
                tf.raw_ops.ResourceApplyAdam(
                    var=variable.handle,
                    m=m.handle,
                    v=v.handle,
                    beta1_power=beta1_power,
                    beta2_power=beta2_power,
                    lr=1e-3,
                    beta1=0.9,
                    beta2=0.999,
                    epsilon=1e-7,
                    grad=tf.convert_to_tensor(grad),
                )
            return loss

        self._train_step = train_step
        self._forward = tf.function(
            lambda x: _forward(name, self.params, x, training=False),
            autograph=False,
            reduce_retracing=True,
        )

    def prepare(self, x):
        return x

    def train_epoch(self, batches):
        for x, y in batches:
            loss = self._train_step(tf.constant(x), tf.constant(y))
        return float(loss)

    def predict(self, x, batch_size):
        outputs = [
            self._forward(tf.constant(x[start : start + batch_size])).numpy()
            for start in range(0, len(x), batch_size)
        ]
        return np.concatenate(outputs)
