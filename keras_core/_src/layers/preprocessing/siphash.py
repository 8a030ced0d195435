"""Keyed SipHash-2-4, in Python.

A salted Keras `Hashing` layer uses TensorFlow's
`tf.strings.to_hash_bucket_strong(x, num_buckets, key)`, which is
`SipHash-2-4(key, bytes) % num_buckets` with the two key halves given as
64-bit integers. This module computes the same hash without TensorFlow.
"""

import struct

__all__ = []

_MASK = 0xFFFFFFFFFFFFFFFF


def _rotate_left(value, shift):
    return ((value << shift) | (value >> (64 - shift))) & _MASK


def _sip_rounds(v0, v1, v2, v3, count):
    for _ in range(count):
        v0 = (v0 + v1) & _MASK
        v1 = _rotate_left(v1, 13) ^ v0
        v0 = _rotate_left(v0, 32)
        v2 = (v2 + v3) & _MASK
        v3 = _rotate_left(v3, 16) ^ v2
        v0 = (v0 + v3) & _MASK
        v3 = _rotate_left(v3, 21) ^ v0
        v2 = (v2 + v1) & _MASK
        v1 = _rotate_left(v1, 17) ^ v2
        v2 = _rotate_left(v2, 32)
    return v0, v1, v2, v3


def siphash24(key, data):
    """SipHash-2-4 of a byte string under a 128-bit key.

    Args:
        key: Two ints `(k0, k1)`, each taken modulo 2**64.
        data: `bytes` to hash.

    Returns:
        A Python int in `[0, 2**64)`.

    Example:

    >>> hex(siphash24((0x0706050403020100, 0x0F0E0D0C0B0A0908), b""))
    '0x726fdb47dd0e0e31'
    """
    k0 = key[0] & _MASK
    k1 = key[1] & _MASK
    v0 = k0 ^ 0x736F6D6570736575
    v1 = k1 ^ 0x646F72616E646F6D
    v2 = k0 ^ 0x6C7967656E657261
    v3 = k1 ^ 0x7465646279746573
    length = len(data)
    full = length - length % 8
    for offset in range(0, full, 8):
        word = struct.unpack_from("<Q", data, offset)[0]
        v3 ^= word
        v0, v1, v2, v3 = _sip_rounds(v0, v1, v2, v3, 2)
        v0 ^= word
    tail = data[full:] + b"\0" * (7 - length % 8)
    word = ((length & 0xFF) << 56) | struct.unpack("<Q", tail + b"\0")[0]
    v3 ^= word
    v0, v1, v2, v3 = _sip_rounds(v0, v1, v2, v3, 2)
    v0 ^= word
    v2 ^= 0xFF
    v0, v1, v2, v3 = _sip_rounds(v0, v1, v2, v3, 4)
    return v0 ^ v1 ^ v2 ^ v3
