"""TensorBoard event files, written in pure Python (no TensorFlow).

An event file is a sequence of TFRecords, each an `Event` protocol buffer:

    record = uint64 length | uint32 masked_crc32c(length bytes)
             | data | uint32 masked_crc32c(data)          (little endian)

The first event holds `file_version: "brain.Event:2"`; the others hold a
`Summary` with one value. Values are written in TensorBoard's "tensor"
form (what `tf.summary` writes in TF2): a `TensorProto` plus the name of
the plugin that displays it (`scalars`, `histograms`, `images`,
`graph_keras_model`). Only the few protobuf fields used are encoded here;
field numbers are those of `tensorflow/core/util/event.proto`,
`framework/summary.proto`, `tensor.proto` and `tensor_shape.proto`.
"""

import itertools
import os
import socket
import struct
import threading
import time
import zlib

import numpy as np

# crc32c (Castagnoli), reflected polynomial 0x82F63B78.


def _crc32c_table():
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc32c_table()


def crc32c(data):
    """The CRC-32C checksum of `data` (bytes), as an unsigned int."""
    crc = 0xFFFFFFFF
    table = _CRC_TABLE
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc32c(data):
    """The checksum TFRecord stores: rotated by 15 bits and offset."""
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def tfrecord(data):
    """`data` framed as one TFRecord."""
    length = struct.pack("<Q", len(data))
    return (
        length
        + struct.pack("<I", masked_crc32c(length))
        + data
        + struct.pack("<I", masked_crc32c(data))
    )


# Protocol-buffer encoding: a field is a key (number << 3 | wire type)
# followed by a varint (type 0), 8 bytes (type 1), a length-prefixed
# payload (type 2) or 4 bytes (type 5).


def _varint(value):
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _field_varint(number, value):
    return _varint(number << 3) + _varint(value)


def _field_double(number, value):
    return _varint(number << 3 | 1) + struct.pack("<d", value)


def _field_bytes(number, payload):
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


# TensorProto.dtype values (tensorflow/core/framework/types.proto).
_DT_FLOAT = 1
_DT_DOUBLE = 2
_DT_STRING = 7


def _tensor_proto(dtype, shape, content=None, strings=()):
    shape_proto = b"".join(_field_bytes(2, _field_varint(1, size)) for size in shape)
    proto = _field_varint(1, dtype) + _field_bytes(2, shape_proto)
    if content is not None:
        proto += _field_bytes(4, content)
    for string in strings:
        proto += _field_bytes(8, string)
    return proto


def _summary_value(tag, tensor, plugin_name, plugin_content=b""):
    plugin_data = _field_bytes(1, plugin_name)
    if plugin_content:
        plugin_data += _field_bytes(2, plugin_content)
    metadata = _field_bytes(1, plugin_data)
    value = _field_bytes(1, tag) + _field_bytes(9, metadata) + _field_bytes(8, tensor)
    # Summary { repeated Value value = 1; }
    return _field_bytes(1, value)


def event(wall_time, step=0, summary=None, file_version=None):
    """An encoded `Event`: a summary (or the file version) at a step."""
    proto = _field_double(1, wall_time)
    if step:
        proto += _field_varint(2, step)
    if file_version is not None:
        proto += _field_bytes(3, file_version)
    if summary is not None:
        proto += _field_bytes(5, summary)
    return proto


def scalar_summary(tag, value):
    """A float32 scalar for the Scalars dashboard."""
    tensor = _tensor_proto(_DT_FLOAT, (), content=struct.pack("<f", value))
    return _summary_value(tag, tensor, "scalars")


def histogram_buckets(values, bucket_count=30):
    """`[bucket_count, 3]` float64 rows `(left edge, right edge, count)`.

    Edges split `[min, max]` evenly; the last bucket includes `max`. All
    equal values give empty zero-width buckets and the count in the last
    one; no values give zero rows.
    """
    values = np.asarray(values, dtype=np.float64).ravel()
    if values.size == 0:
        return np.zeros((bucket_count, 3))
    low, high = values.min(), values.max()
    if low == high:
        edges = np.full(bucket_count + 1, low)
        counts = np.zeros(bucket_count)
        counts[-1] = values.size
    else:
        width = (high - low) / bucket_count
        indices = np.minimum(
            np.floor((values - low) / width).astype(np.int64), bucket_count - 1
        )
        counts = np.bincount(indices, minlength=bucket_count).astype(np.float64)
        edges = np.linspace(low, high, bucket_count + 1)
        edges[-1] = high
    return np.stack([edges[:-1], edges[1:], counts], axis=1)


def histogram_summary(tag, values):
    """A histogram of `values` for the Histograms and Distributions dashboards."""
    buckets = histogram_buckets(values)
    content = np.ascontiguousarray(buckets, dtype="<f8").tobytes()
    tensor = _tensor_proto(_DT_DOUBLE, buckets.shape, content=content)
    return _summary_value(tag, tensor, "histograms")


def png(image):
    """A PNG file of a `[height, width, channels]` uint8 array (1, 3 or 4
    channels: grey, RGB, RGBA)."""
    image = np.ascontiguousarray(image, dtype=np.uint8)
    height, width, channels = image.shape
    color_type = {1: 0, 3: 2, 4: 6}[channels]
    rows = b"".join(b"\x00" + image[row].tobytes() for row in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def image_summary(tag, images, max_outputs=3):
    """Images for the Images dashboard.

    Args:
        tag: The tag.
        images: A `[count, height, width, channels]` array; floats are
            read as intensities in [0, 1].
        max_outputs: The most images written.
    """
    images = np.asarray(images)
    if images.dtype != np.uint8:
        # As TensorFlow converts float images: scale to [0, 255.5), clip.
        images = np.clip(images.astype(np.float64) * 255.5, 0, 255).astype(np.uint8)
    encoded = [png(image) for image in images[:max_outputs]]
    height, width = images.shape[1:3]
    strings = [str(width).encode(), str(height).encode(), *encoded]
    tensor = _tensor_proto(_DT_STRING, (len(strings),), strings=strings)
    return _summary_value(tag, tensor, "images")


def keras_model_summary(tag, model_json):
    """The model's config (JSON) for the Graphs dashboard's Keras view."""
    tensor = _tensor_proto(_DT_STRING, (), strings=[model_json.encode("utf-8")])
    return _summary_value(tag, tensor, "graph_keras_model", plugin_content=b"1")


_FILE_COUNTER = itertools.count()
_FILE_COUNTER_LOCK = threading.Lock()


class EventFileWriter:
    """Appends events to one new event file in `log_dir`.

    The file (`events.out.tfevents.<time>.<host>.<pid>.<n>.v2`, the name
    TensorBoard looks for) is created at the first write.

    Args:
        log_dir: The folder (created if needed).
    """

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.path = None
        self._file = None

    def _open(self):
        os.makedirs(self.log_dir, exist_ok=True)
        with _FILE_COUNTER_LOCK:
            number = next(_FILE_COUNTER)
        now = time.time()
        name = (
            f"events.out.tfevents.{int(now)}.{socket.gethostname()}."
            f"{os.getpid()}.{number}.v2"
        )
        self.path = os.path.join(self.log_dir, name)
        # Kept open across writes; `close()` closes it.
        self._file = open(self.path, "wb")  # noqa: SIM115
        self._file.write(tfrecord(event(now, file_version="brain.Event:2")))

    def write(self, summary, step=0):
        """Writes an encoded summary at a step."""
        if self._file is None:
            self._open()
        self._file.write(tfrecord(event(time.time(), step=int(step), summary=summary)))

    def flush(self):
        """Makes what was written readable by TensorBoard."""
        if self._file is not None:
            self._file.flush()

    def close(self):
        """Closes the file; a later write starts a new one."""
        if self._file is not None:
            self._file.close()
            self._file = None
