"""Public API: `keras_core.callbacks`."""

from keras_core._src.callbacks.backup_and_restore import BackupAndRestore
from keras_core._src.callbacks.callback import Callback
from keras_core._src.callbacks.callback_list import CallbackList
from keras_core._src.callbacks.csv_logger import CSVLogger
from keras_core._src.callbacks.early_stopping import EarlyStopping
from keras_core._src.callbacks.history import History
from keras_core._src.callbacks.lambda_callback import LambdaCallback
from keras_core._src.callbacks.learning_rate_scheduler import LearningRateScheduler
from keras_core._src.callbacks.model_checkpoint import ModelCheckpoint
from keras_core._src.callbacks.orbax_checkpoint import OrbaxCheckpoint
from keras_core._src.callbacks.progbar_logger import ProgbarLogger
from keras_core._src.callbacks.reduce_lr_on_plateau import ReduceLROnPlateau
from keras_core._src.callbacks.remote_monitor import RemoteMonitor
from keras_core._src.callbacks.swap_ema_weights import SwapEMAWeights
from keras_core._src.callbacks.tensorboard import TensorBoard
from keras_core._src.callbacks.terminate_on_nan import TerminateOnNaN
