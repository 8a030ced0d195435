"""Checks of `math` op arguments, shared so every backend refuses alike.

Each takes static shapes (tuples of ints or None) and raises ValueError
naming the op, what it received and what it expects.
"""


def check_top_k(shape, k):
    if len(shape) < 1:
        raise ValueError(f"top_k: x must be at least 1-D. Received: x of shape {shape}")
    if shape[-1] is not None and k > shape[-1]:
        raise ValueError(
            f"top_k: k must be at most the size of the last axis of x "
            f"({shape[-1]}). Received: k={k}"
        )


def check_in_top_k(targets_shape, predictions_shape):
    if len(predictions_shape) != 2 or len(targets_shape) != 1:
        raise ValueError(
            "in_top_k: expected targets of shape (batch,) and predictions of "
            f"shape (batch, classes). Received: targets of shape {targets_shape}, "
            f"predictions of shape {predictions_shape}"
        )


def check_segments(name, data_shape, ids_shape):
    if len(ids_shape) != 1 or (
        None not in (data_shape[:1] + ids_shape) and ids_shape[0] != data_shape[0]
    ):
        raise ValueError(
            f"{name}: segment_ids must be 1-D with one id per row of data. "
            f"Received: data of shape {data_shape}, segment_ids of shape {ids_shape}"
        )


def check_cdist(x_shape, y_shape):
    if len(x_shape) < 2 or len(y_shape) < 2 or x_shape[-1] != y_shape[-1]:
        raise ValueError(
            "cdist: x and y must be at least 2-D with the same last dimension. "
            f"Received: x of shape {x_shape}, y of shape {y_shape}"
        )


def check_square(name, shape):
    if len(shape) < 2 or shape[-1] != shape[-2]:
        raise ValueError(
            f"{name}: x must be a (batch of) square matrices. "
            f"Received: x of shape {shape}"
        )


def check_pair(name, real_shape, imag_shape, min_rank):
    if real_shape != imag_shape or len(real_shape) < min_rank:
        raise ValueError(
            f"{name}: x must be a pair (real, imag) of tensors of the same shape, "
            f"at least {min_rank}-D. Received: shapes {real_shape} and {imag_shape}"
        )


def check_view_as_complex(shape):
    if len(shape) < 1 or shape[-1] != 2:
        raise ValueError(
            "view_as_complex: the last dimension of x must be 2 (real, imag). "
            f"Received: x of shape {shape}"
        )


def check_frames(name, shape, sequence_length, sequence_stride, fft_length):
    if len(shape) < 1:
        raise ValueError(
            f"{name}: x must be at least 1-D. Received: x of shape {shape}"
        )
    if fft_length is not None and sequence_length > fft_length:
        raise ValueError(
            f"{name}: sequence_length must be at most fft_length. Received: "
            f"sequence_length={sequence_length}, fft_length={fft_length}"
        )


def check_window(name, window_shape, sequence_length):
    if tuple(window_shape) != (sequence_length,):
        raise ValueError(
            f"{name}: a window array must have shape (sequence_length,) = "
            f"({sequence_length},). Received: window of shape {tuple(window_shape)}"
        )
