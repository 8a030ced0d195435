"""`RemoteMonitor`: posts each epoch's logs to an HTTP server."""

import json
import urllib.error
import urllib.parse
import urllib.request
import warnings

import numpy as np

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback


def _json_value(value):
    if backend.core.is_tensor(value):
        value = backend.core.convert_to_numpy(value)
    if isinstance(value, (np.ndarray, np.generic)):
        return value.item() if value.size == 1 else value.tolist()
    return value


@keras_public("keras.callbacks")
class RemoteMonitor(Callback):
    """Sends the logs of each epoch to a server, as an HTTP POST.

    The body is the JSON object `{"epoch": epoch, **logs}`: either as the
    value of the form field `field` (`application/x-www-form-urlencoded`)
    or, with `send_as_json`, as the body itself (`application/json`). A
    server that cannot be reached gives a warning, not an error.

    Args:
        root: The server's root URL.
        path: The path, relative to `root`, requests are sent to.
        field: The form field holding the JSON (when not `send_as_json`).
        headers: A dict of extra HTTP headers.
        send_as_json: Whether to send the JSON as the request body.

    Example:

    >>> monitor = keras_core.callbacks.RemoteMonitor(root="http://localhost:9000")
    """

    def __init__(
        self,
        root="http://localhost:9000",
        path="/publish/epoch/end/",
        field="data",
        headers=None,
        send_as_json=False,
    ):
        super().__init__()
        self.root = root
        self.path = path
        self.field = field
        self.headers = headers
        self.send_as_json = send_as_json

    def on_epoch_end(self, epoch, logs=None):
        payload = {"epoch": epoch}
        for key, value in (logs or {}).items():
            payload[key] = _json_value(value)
        headers = dict(self.headers or {})
        if self.send_as_json:
            body = json.dumps(payload).encode("utf-8")
            headers["Content-Type"] = "application/json"
        else:
            body = urllib.parse.urlencode({self.field: json.dumps(payload)})
            body = body.encode("utf-8")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(
            self.root + self.path, data=body, headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request) as response:
                response.read()
        except urllib.error.HTTPError:
            # The server answered: like a browser form post, an error
            # status is the server's business, not training's.
            pass
        except (urllib.error.URLError, OSError):
            warnings.warn(
                f"Could not reach RemoteMonitor root server at {self.root}",
                stacklevel=2,
            )
