"""Hand-written PyTorch loops for the workloads: eager `nn.Module` + `torch.optim`.

This is the code a PyTorch user writes without Keras; each step converts its
NumPy batch to tensors, as `fit()` must. Images arrive channels-first, the
layout PyTorch code keeps its data in (converted once, outside the timing).
"""

import numpy as np
import torch
from torch import nn
from workloads import LSTM
from workloads import TRANSFORMER
from workloads import VOCAB


class _Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        d_model = TRANSFORMER["d_model"]
        self.attention = nn.MultiheadAttention(
            d_model, TRANSFORMER["heads"], batch_first=True
        )
        self.norm1 = nn.LayerNorm(d_model, eps=1e-3)
        self.feed_forward = nn.Sequential(
            nn.Linear(d_model, TRANSFORMER["feed_forward"]),
            nn.ReLU(),
            nn.Linear(TRANSFORMER["feed_forward"], d_model),
        )
        self.norm2 = nn.LayerNorm(d_model, eps=1e-3)

    def forward(self, x):
        attended, _ = self.attention(x, x, x, need_weights=False)
        x = self.norm1(x + attended)
        return self.norm2(x + self.feed_forward(x))


class _Transformer(nn.Module):
    def __init__(self):
        super().__init__()
        d_model = TRANSFORMER["d_model"]
        self.embedding = nn.Embedding(VOCAB, d_model)
        self.positions = nn.Parameter(
            torch.randn(TRANSFORMER["sequence"], d_model) * 0.05
        )
        self.blocks = nn.Sequential(_Encoder(), _Encoder())
        self.head = nn.Linear(d_model, 2)

    def forward(self, tokens):
        x = self.blocks(self.embedding(tokens) + self.positions)
        return self.head(x.mean(dim=1))


class _LSTMClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, LSTM["embedding"])
        self.lstm = nn.LSTM(LSTM["embedding"], LSTM["units"], batch_first=True)
        self.head = nn.Linear(LSTM["units"], 2)

    def forward(self, tokens):
        _, (hidden, _) = self.lstm(self.embedding(tokens))
        return self.head(hidden[-1])


def _network(name):
    if name == "mlp":
        return nn.Sequential(
            nn.Linear(784, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )
    if name == "convnet":
        return nn.Sequential(
            nn.Conv2d(1, 32, 5, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(7 * 7 * 64, 1024),
            nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(1024, 10),
        )
    if name == "transformer":
        return _Transformer()
    return _LSTMClassifier()


class NativeLoop:
    """Trains and predicts one workload with plain PyTorch."""

    def __init__(self, name):
        torch.manual_seed(0)
        self.name = name
        self.network = _network(name)
        self.optimizer = torch.optim.Adam(self.network.parameters(), lr=1e-3)
        self.loss_fn = nn.CrossEntropyLoss()

    def prepare(self, x):
        """Puts images channels-first, once, as PyTorch data is stored."""
        if self.name == "convnet":
            return np.ascontiguousarray(x.transpose(0, 3, 1, 2))
        return x

    def train_epoch(self, batches):
        self.network.train()
        for x, y in batches:
            inputs = torch.from_numpy(x)
            targets = torch.from_numpy(y).long()
            self.optimizer.zero_grad()
            loss = self.loss_fn(self.network(inputs), targets)
            loss.backward()
            self.optimizer.step()
        return float(loss)

    def predict(self, x, batch_size):
        self.network.eval()
        outputs = []
        with torch.no_grad():
            for start in range(0, len(x), batch_size):
                batch = torch.from_numpy(x[start : start + batch_size])
                outputs.append(self.network(batch).numpy())
        return np.concatenate(outputs)
