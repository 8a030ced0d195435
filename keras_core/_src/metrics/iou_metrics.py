"""Intersection-over-union metrics, computed from a confusion matrix.

Every IoU metric keeps one `(num_classes, num_classes)` confusion matrix
(rows: true class, columns: predicted class) and accumulates each batch
into it with a segment sum over the flat cell index `true * n + pred`,
which has a static output size and so runs under `jit`. The IoU of a
class is `TP / (TP + FP + FN)`; classes that appear in neither the
targets nor the predictions have no IoU and are left out of the mean.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.metrics.metric import Metric

__all__ = ["BinaryIoU", "IoU", "MeanIoU", "OneHotIoU", "OneHotMeanIoU"]


def _check_num_classes(class_name, num_classes):
    if isinstance(num_classes, bool) or not isinstance(num_classes, int):
        raise ValueError(
            f"{class_name} expects `num_classes` to be a positive int. "
            f"Received: num_classes={num_classes!r}."
        )
    if num_classes < 1:
        raise ValueError(
            f"{class_name} expects `num_classes` >= 1. Received: "
            f"num_classes={num_classes}."
        )
    return num_classes


def _check_class_ids(class_name, num_classes, target_class_ids):
    if isinstance(target_class_ids, int):
        target_class_ids = [target_class_ids]
    target_class_ids = [int(class_id) for class_id in target_class_ids]
    if not target_class_ids:
        raise ValueError(
            f"{class_name} needs at least one class id in `target_class_ids`. "
            f"Received: target_class_ids={target_class_ids}. Pass the classes "
            "whose IoU to average, e.g. target_class_ids=[0]."
        )
    for class_id in target_class_ids:
        if not 0 <= class_id < num_classes:
            raise ValueError(
                f"{class_name}: target class id {class_id} is out of range "
                f"[0, {num_classes}) for num_classes={num_classes}. Received: "
                f"target_class_ids={target_class_ids}."
            )
    return target_class_ids


def _flat_labels(labels):
    labels = ops.convert_to_tensor(labels)
    # Float labels (e.g. targets stored as floats) are truncated, as Keras does.
    return ops.reshape(ops.cast(labels, "int32"), (-1,))


@keras_public("keras.metrics")
class IoU(Metric):
    """The mean intersection-over-union of some classes.

    For each target class, IoU is `TP / (TP + FP + FN)` counted over every
    element seen (pixels for segmentation). The result averages it over
    the target classes present in the targets or the predictions.

    Args:
        num_classes: The number of classes (labels are `0..num_classes-1`).
        target_class_ids: The class ids (a list, or one int) whose IoU to
            average.
        name: The metric's name.
        dtype: The dtype of the confusion matrix (default int32: sample
            weights are then truncated to integers; pass a float dtype for
            fractional weights).
        ignore_class: A class id whose targets are not counted (e.g. an
            "unlabelled" id such as -1 or 255), or None.
        sparse_y_true: Whether `y_true` holds class ids (True) or scores
            along `axis` (False, reduced with argmax).
        sparse_y_pred: Whether `y_pred` holds class ids (True) or scores
            along `axis` (False, reduced with argmax).
        axis: The class axis of non-sparse inputs.

    Example:

    >>> metric = keras_core.metrics.IoU(num_classes=2, target_class_ids=[0])
    >>> metric.update_state([0, 0, 1, 1], [0, 1, 0, 1])
    >>> float(metric.result())  # class 0: 1 / (1 + 1 + 1)
    0.333...
    """

    def __init__(
        self,
        num_classes,
        target_class_ids,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        super().__init__(name=name, dtype=dtype or "int32")
        self.num_classes = _check_num_classes(type(self).__name__, num_classes)
        self.target_class_ids = _check_class_ids(
            type(self).__name__, num_classes, target_class_ids
        )
        self.ignore_class = ignore_class
        self.sparse_y_true = sparse_y_true
        self.sparse_y_pred = sparse_y_pred
        self.axis = axis
        self._direction = "up"
        self.total_cm = self.add_variable(
            shape=(num_classes, num_classes),
            initializer="zeros",
            name="total_confusion_matrix",
        )

    def _class_ids(self, values, sparse):
        if sparse:
            return _flat_labels(values)
        return _flat_labels(ops.argmax(values, axis=self.axis))

    def _flat_weights(self, sample_weight, labels_shape):
        sample_weight = ops.cast(sample_weight, self.dtype)
        # A weight per sample (or per leading axes) covers all its elements.
        while len(sample_weight.shape) < len(labels_shape):
            sample_weight = ops.expand_dims(sample_weight, axis=-1)
        sample_weight = ops.broadcast_to(sample_weight, labels_shape)
        return ops.reshape(sample_weight, (-1,))

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds a batch to the confusion matrix.

        Args:
            y_true: Class ids (or scores along `axis` when not
                `sparse_y_true`).
            y_pred: Class ids (or scores along `axis` when not
                `sparse_y_pred`).
            sample_weight: Optional weights, of the labels' shape or of
                their leading axes (e.g. one per sample).
        """
        y_true = ops.convert_to_tensor(y_true)
        y_pred = ops.convert_to_tensor(y_pred)
        if not self.sparse_y_true:
            y_true = ops.argmax(y_true, axis=self.axis)
        labels_shape = tuple(y_true.shape)
        y_true = _flat_labels(y_true)
        y_pred = self._class_ids(y_pred, self.sparse_y_pred)
        true_size, pred_size = y_true.shape[0], y_pred.shape[0]
        if true_size is not None and pred_size is not None and true_size != pred_size:
            raise ValueError(
                f"{type(self).__name__} expects as many predicted labels as "
                f"true labels. Received {true_size} true labels and "
                f"{pred_size} predicted labels (y_true of shape "
                f"{labels_shape}). Pass y_pred with one label per y_true "
                "label (or scores along `axis` with sparse_y_pred=False)."
            )
        n = self.num_classes
        valid = ops.logical_and(
            ops.logical_and(y_true >= 0, y_true < n),
            ops.logical_and(y_pred >= 0, y_pred < n),
        )
        if self.ignore_class is not None:
            valid = ops.logical_and(valid, y_true != self.ignore_class)
        if sample_weight is None:
            weights = ops.ones(ops.shape(y_true), dtype=self.dtype)
        else:
            weights = self._flat_weights(sample_weight, labels_shape)
        # Out-of-range or ignored labels get cell id -1, which the segment
        # sum drops.
        cells = ops.where(valid, y_true * n + y_pred, -1)
        counts = ops.segment_sum(weights, cells, num_segments=n * n)
        self.total_cm.assign_add(ops.reshape(counts, (n, n)))

    def result(self):
        """The mean IoU over the target classes present (0 if none is)."""
        matrix = ops.cast(ops.convert_to_tensor(self.total_cm), floatx())
        true_positives = ops.diagonal(matrix)
        union = ops.sum(matrix, axis=0) + ops.sum(matrix, axis=1) - true_positives
        target_class_ids = ops.convert_to_tensor(self.target_class_ids, "int32")
        true_positives = ops.take(true_positives, target_class_ids)
        union = ops.take(union, target_class_ids)
        present = ops.sum(ops.cast(union > 0, floatx()))
        iou = ops.divide_no_nan(true_positives, union)
        return ops.divide_no_nan(ops.sum(iou), present)

    def get_config(self):
        """The constructor arguments."""
        return {
            "name": self.name,
            "dtype": self.dtype,
            "num_classes": self.num_classes,
            "target_class_ids": list(self.target_class_ids),
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


@keras_public("keras.metrics")
class BinaryIoU(IoU):
    """IoU of binary labels, predictions thresholded at `threshold`.

    A prediction counts as class 1 when it is `>= threshold`.

    Args:
        target_class_ids: Which of the classes 0 and 1 to average over.
        threshold: The score from which a prediction is class 1.
        name: The metric's name.
        dtype: The dtype of the confusion matrix (default int32).

    Example:

    >>> metric = keras_core.metrics.BinaryIoU(target_class_ids=[1])
    >>> metric.update_state([0, 1, 1], [0.2, 0.7, 0.4])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, target_class_ids=(0, 1), threshold=0.5, name=None, dtype=None):
        super().__init__(
            num_classes=2,
            target_class_ids=target_class_ids,
            name=name,
            dtype=dtype,
        )
        self.threshold = threshold

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds a batch of 0/1 targets and scores to the confusion matrix."""
        y_pred = ops.convert_to_tensor(y_pred)
        y_pred = ops.cast(y_pred >= ops.cast(self.threshold, y_pred.dtype), "int32")
        super().update_state(y_true, y_pred, sample_weight=sample_weight)

    def get_config(self):
        """The constructor arguments."""
        return {
            "target_class_ids": list(self.target_class_ids),
            "threshold": self.threshold,
            "name": self.name,
            "dtype": self.dtype,
        }


@keras_public("keras.metrics")
class MeanIoU(IoU):
    """IoU averaged over all classes present in targets or predictions.

    Args:
        num_classes: The number of classes.
        name: The metric's name.
        dtype: The dtype of the confusion matrix (default int32).
        ignore_class: A class id whose targets are not counted, or None.
        sparse_y_true: Whether `y_true` holds class ids (else scores).
        sparse_y_pred: Whether `y_pred` holds class ids (else scores).
        axis: The class axis of non-sparse inputs.

    Example:

    >>> metric = keras_core.metrics.MeanIoU(num_classes=2)
    >>> metric.update_state([0, 0, 1, 1], [0, 1, 0, 1])
    >>> float(metric.result())
    0.333...
    """

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        super().__init__(
            num_classes=num_classes,
            target_class_ids=list(
                range(_check_num_classes(type(self).__name__, num_classes))
            ),
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=sparse_y_true,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self):
        """The constructor arguments."""
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


@keras_public("keras.metrics")
class OneHotIoU(IoU):
    """IoU of some classes, for one-hot targets.

    Args:
        num_classes: The number of classes.
        target_class_ids: The class ids whose IoU to average.
        name: The metric's name.
        dtype: The dtype of the confusion matrix (default int32).
        ignore_class: A class id whose targets are not counted, or None.
        sparse_y_pred: Whether `y_pred` holds class ids (else scores).
        axis: The class axis of the one-hot targets (and scores).

    Example:

    >>> metric = keras_core.metrics.OneHotIoU(num_classes=2, target_class_ids=[1])
    >>> metric.update_state([[1, 0], [0, 1]], [[0.4, 0.6], [0.3, 0.7]])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self,
        num_classes,
        target_class_ids,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_pred=False,
        axis=-1,
    ):
        super().__init__(
            num_classes=num_classes,
            target_class_ids=target_class_ids,
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=False,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self):
        """The constructor arguments."""
        return {
            "num_classes": self.num_classes,
            "target_class_ids": list(self.target_class_ids),
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


@keras_public("keras.metrics")
class OneHotMeanIoU(MeanIoU):
    """IoU averaged over all classes present, for one-hot targets.

    Args:
        num_classes: The number of classes.
        name: The metric's name.
        dtype: The dtype of the confusion matrix (default int32).
        ignore_class: A class id whose targets are not counted, or None.
        sparse_y_pred: Whether `y_pred` holds class ids (else scores).
        axis: The class axis of the one-hot targets (and scores).

    Example:

    >>> metric = keras_core.metrics.OneHotMeanIoU(num_classes=2)
    >>> metric.update_state([[1, 0], [0, 1]], [[0.4, 0.6], [0.3, 0.7]])
    >>> float(metric.result())  # class 0: 0/2, class 1: 1/2
    0.25
    """

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_pred=False,
        axis=-1,
    ):
        super().__init__(
            num_classes=num_classes,
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=False,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self):
        """The constructor arguments."""
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }
