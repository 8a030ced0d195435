"""Hand-written JAX loops for the workloads: pure functions, optax Adam, `jax.jit`.

This is the code a JAX user writes without Keras: parameters in a pytree,
one jitted step that donates the old state, NumPy batches passed straight
to the step.
"""

import jax
import jax.numpy as jnp
import numpy as np
import optax
from workloads import LSTM
from workloads import TRANSFORMER
from workloads import VOCAB


def _dense_params(key, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return {
        "w": jax.random.uniform(key, (fan_in, fan_out), minval=-limit, maxval=limit),
        "b": jnp.zeros((fan_out,)),
    }


def _dense(params, x):
    return x @ params["w"] + params["b"]


def _conv_params(key, size, fan_in, filters):
    params = _dense_params(key, size * size * fan_in, filters)
    params["w"] = params["w"].reshape(size, size, fan_in, filters)
    return params


def _conv(params, x):
    out = jax.lax.conv_general_dilated(
        x, params["w"], (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC")
    )
    return out + params["b"]


def _max_pool(x):
    return jax.lax.reduce_window(
        x, -jnp.inf, jax.lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID"
    )


def _layer_norm(params, x):
    mean = x.mean(-1, keepdims=True)
    variance = x.var(-1, keepdims=True)
    return (x - mean) * jax.lax.rsqrt(variance + 1e-3) * params["g"] + params["b"]


def _norm_params(size):
    return {"g": jnp.ones((size,)), "b": jnp.zeros((size,))}


def _init(name, key):
    keys = iter(jax.random.split(key, 32))
    if name == "mlp":
        return [
            _dense_params(next(keys), 784, 512),
            _dense_params(next(keys), 512, 512),
            _dense_params(next(keys), 512, 10),
        ]
    if name == "convnet":
        return {
            "conv1": _conv_params(next(keys), 5, 1, 32),
            "conv2": _conv_params(next(keys), 5, 32, 64),
            "dense": _dense_params(next(keys), 7 * 7 * 64, 1024),
            "head": _dense_params(next(keys), 1024, 10),
        }
    if name == "transformer":
        d_model = TRANSFORMER["d_model"]
        blocks = []
        for _ in range(2):
            blocks.append(
                {
                    "q": _dense_params(next(keys), d_model, d_model),
                    "k": _dense_params(next(keys), d_model, d_model),
                    "v": _dense_params(next(keys), d_model, d_model),
                    "o": _dense_params(next(keys), d_model, d_model),
                    "norm1": _norm_params(d_model),
                    "ff1": _dense_params(
                        next(keys), d_model, TRANSFORMER["feed_forward"]
                    ),
                    "ff2": _dense_params(
                        next(keys), TRANSFORMER["feed_forward"], d_model
                    ),
                    "norm2": _norm_params(d_model),
                }
            )
        return {
            "embedding": jax.random.normal(next(keys), (VOCAB, d_model)) * 0.05,
            "positions": jax.random.normal(
                next(keys), (TRANSFORMER["sequence"], d_model)
            )
            * 0.05,
            "blocks": blocks,
            "head": _dense_params(next(keys), d_model, 2),
        }
    units = LSTM["units"]
    return {
        "embedding": jax.random.normal(next(keys), (VOCAB, LSTM["embedding"])) * 0.05,
        "kernel": _dense_params(next(keys), LSTM["embedding"], 4 * units),
        "recurrent": _dense_params(next(keys), units, 4 * units)["w"],
        "head": _dense_params(next(keys), units, 2),
    }


def _attention(block, x):
    batch, steps, d_model = x.shape
    heads = TRANSFORMER["heads"]

    def split(t):
        return t.reshape(batch, steps, heads, d_model // heads)

    q, k, v = (split(_dense(block[n], x)) for n in "qkv")
    scores = jnp.einsum("bqhd,bkhd->bhqk", q, k) / np.sqrt(d_model // heads)
    mixed = jnp.einsum("bhqk,bkhd->bqhd", jax.nn.softmax(scores), v)
    return _dense(block["o"], mixed.reshape(batch, steps, d_model))


def _lstm_last_output(params, x):
    units = LSTM["units"]
    projected = _dense(params["kernel"], x)  # all steps' input terms at once

    def step(carry, inputs_t):
        h, c = carry
        gates = inputs_t + h @ params["recurrent"]
        i, f, g, o = jnp.split(gates, 4, axis=-1)
        c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
        h = jax.nn.sigmoid(o) * jnp.tanh(c)
        return (h, c), None

    zeros = jnp.zeros((x.shape[0], units))
    (h, _), _ = jax.lax.scan(step, (zeros, zeros), projected.swapaxes(0, 1))
    return h


def _forward(name, params, x, key, training):
    if name == "mlp":
        for layer in params[:-1]:
            x = jax.nn.relu(_dense(layer, x))
        return _dense(params[-1], x)
    if name == "convnet":
        x = _max_pool(jax.nn.relu(_conv(params["conv1"], x)))
        x = _max_pool(jax.nn.relu(_conv(params["conv2"], x)))
        x = jax.nn.relu(_dense(params["dense"], x.reshape(x.shape[0], -1)))
        if training:
            keep = jax.random.bernoulli(key, 0.5, x.shape)
            x = jnp.where(keep, x / 0.5, 0.0)
        return _dense(params["head"], x)
    if name == "transformer":
        x = params["embedding"][x] + params["positions"]
        for block in params["blocks"]:
            x = _layer_norm(block["norm1"], x + _attention(block, x))
            hidden = jax.nn.relu(_dense(block["ff1"], x))
            x = _layer_norm(block["norm2"], x + _dense(block["ff2"], hidden))
        return _dense(params["head"], x.mean(axis=1))
    hidden = _lstm_last_output(params, params["embedding"][x])
    return _dense(params["head"], hidden)


class NativeLoop:
    """Trains and predicts one workload with JAX and optax."""

    def __init__(self, name):
        self.name = name
        self.optimizer = optax.adam(1e-3)
        params = _init(name, jax.random.PRNGKey(0))
        self.state = (params, self.optimizer.init(params), jax.random.PRNGKey(1))

        def loss_fn(params, x, y, key):
            logits = _forward(name, params, x, key, training=True)
            return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

        def train_step(state, x, y):
            params, opt_state, key = state
            key, step_key = jax.random.split(key)
            loss, grads = jax.value_and_grad(loss_fn)(params, x, y, step_key)
            updates, opt_state = self.optimizer.update(grads, opt_state, params)
            return (optax.apply_updates(params, updates), opt_state, key), loss

        self._train_step = jax.jit(train_step, donate_argnums=0)
        self._forward = jax.jit(
            lambda params, x: _forward(name, params, x, None, training=False)
        )

    def prepare(self, x):
        return x

    def train_epoch(self, batches):
        for x, y in batches:
            self.state, loss = self._train_step(self.state, x, y)
        return float(loss)

    def predict(self, x, batch_size):
        params = self.state[0]
        outputs = [
            self._forward(params, x[start : start + batch_size])
            for start in range(0, len(x), batch_size)
        ]
        return np.concatenate([np.asarray(out) for out in outputs])
