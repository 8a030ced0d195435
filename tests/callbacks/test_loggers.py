"""`CSVLogger` and `RemoteMonitor` (against a local HTTP server)."""

import http.server
import json
import threading
import urllib.parse

import numpy as np
import pytest

from keras_core import callbacks
from keras_core import ops


def log_epochs(path, epochs, model, **kwargs):
    logger = callbacks.CSVLogger(str(path), **kwargs)
    logger.set_model(model)
    logger.on_train_begin()
    for epoch, logs in epochs:
        logger.on_epoch_end(epoch, logs)
    logger.on_train_end()
    return path.read_text()


def test_csv_logger_columns_values_and_quoting(tmp_path, fake_model):
    text = log_epochs(
        tmp_path / "log.csv",
        [
            (
                0,
                {
                    "val_loss": 0.5,
                    "loss": 1.0,
                    "acc": np.float32(0.25),
                    "s": "hi",
                    "arr": np.array([1.5, 2.0]),
                    "t": ops.convert_to_tensor(0.125),
                    "l": [1, 2],
                },
            ),
            # A key first seen later is not written; a missing one is NA.
            (1, {"val_loss": 0.25, "loss": 0.5, "s": "x,y", "arr": [1], "new": 1}),
        ],
        fake_model(),
    )
    assert text == (
        "epoch,acc,arr,l,loss,s,t,val_loss\n"
        '0,0.25,"""[1.5, 2.0]""","""[1, 2]""",1.0,hi,0.125,0.5\n'
        '1,NA,"""[1]""",NA,0.5,"x,y",NA,0.25\n'
    )


def test_csv_logger_adds_validation_columns_when_absent(tmp_path, fake_model):
    text = log_epochs(tmp_path / "a.csv", [(0, {"b": 1, "a": 2})], fake_model())
    assert text == "epoch,a,b,val_a,val_b\n0,2,1,NA,NA\n"
    assert log_epochs(tmp_path / "e.csv", [(0, None)], fake_model()) == "epoch\n0\n"


def test_csv_logger_append_and_separator(tmp_path, fake_model):
    path = tmp_path / "log.csv"
    log_epochs(path, [(0, {"loss": 1.0, "val_loss": 2.0})], fake_model())
    text = log_epochs(
        path,
        [(1, {"loss": 0.5, "val_loss": 1.5})],
        fake_model(),
        separator=";",
        append=True,
    )
    assert text == "epoch,loss,val_loss\n0,1.0,2.0\n1;0.5;1.5\n"
    # Appending to a new (or empty) file writes the header.
    fresh = tmp_path / "new.csv"
    assert log_epochs(fresh, [(0, {"loss": 1.0})], fake_model(), append=True) == (
        "epoch,loss,val_loss\n0,1.0,NA\n"
    )
    # Overwriting by default.
    assert log_epochs(path, [(0, {"x": 1})], fake_model()) == "epoch,x,val_x\n0,1,NA\n"


def test_csv_logger_rows_are_flushed_each_epoch(tmp_path, fake_model):
    path = tmp_path / "live.csv"
    logger = callbacks.CSVLogger(str(path))
    logger.set_model(fake_model())
    logger.on_train_begin()
    logger.on_epoch_end(0, {"loss": 1.0, "val_loss": 2.0})
    assert path.read_text() == "epoch,loss,val_loss\n0,1.0,2.0\n"
    logger.on_train_end()
    assert logger.csv_file is None


@pytest.fixture
def server():
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            received.append((self.path, dict(self.headers), self.rfile.read(length)))
            self.send_response(500 if self.path == "/fail" else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", received
    httpd.shutdown()
    httpd.server_close()


def test_remote_monitor_posts_a_form_field(server):
    root, received = server
    monitor = callbacks.RemoteMonitor(root=root)
    logs = {"loss": 0.5, "acc": np.float32(0.25), "t": ops.convert_to_tensor(1.5)}
    monitor.on_epoch_end(2, logs)
    path, headers, body = received[0]
    assert path == "/publish/epoch/end/"
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = urllib.parse.parse_qs(body.decode())
    assert json.loads(form["data"][0]) == {
        "epoch": 2,
        "loss": 0.5,
        "acc": 0.25,
        "t": 1.5,
    }
    # Spaces encoded as "+", like a browser form.
    assert body.startswith(b"data=%7B%22epoch%22%3A+2%2C+")


def test_remote_monitor_json_body_headers_and_errors(server):
    root, received = server
    monitor = callbacks.RemoteMonitor(
        root=root, path="/p", field="f", headers={"X-A": "b"}, send_as_json=True
    )
    monitor.on_epoch_end(3, {"loss": 0.5})
    path, headers, body = received[0]
    assert (path, headers["X-A"], headers["Content-Type"]) == (
        "/p",
        "b",
        "application/json",
    )
    assert json.loads(body) == {"epoch": 3, "loss": 0.5}
    # An error status is not the training's problem: no warning.
    callbacks.RemoteMonitor(root=root, path="/fail").on_epoch_end(0, {})
    assert len(received) == 2


def test_remote_monitor_unreachable_server_warns():
    monitor = callbacks.RemoteMonitor(root="http://127.0.0.1:1")
    with pytest.warns(UserWarning, match="Could not reach RemoteMonitor root server"):
        monitor.on_epoch_end(0, {"loss": 1.0})


def test_remote_monitor_defaults():
    monitor = callbacks.RemoteMonitor()
    assert (monitor.root, monitor.path, monitor.field, monitor.headers) == (
        "http://localhost:9000",
        "/publish/epoch/end/",
        "data",
        None,
    )
    assert monitor.send_as_json is False
