"""The seed experiment in numpy, for comparing InitScope's speed with the same work on the same machine.

Five strategies as InitScope defines them (zero; small N(0, 0.0001²); large N(0, 1); xavier; he) on
X = 1000 x 1000 N(0, 1), one tanh hidden layer of 1000 units and a readout of 10: the forward pass, an MSE loss against random targets, the backward pass, and for each
of z, a, tanh'(z), delta and dW its mean, std, min, max and a 60-bin histogram. Prints one summary line per
strategy. Run: python3 bench/seed_numpy.py   (unset OPENBLAS_CORETYPE for numpy's best kernel)
"""
import time

import numpy as np

start = time.perf_counter()
n, fan_in, width, outputs, bins = 1000, 1000, 1000, 10, 60
rng = np.random.default_rng(42)
x = rng.standard_normal((n, fan_in), dtype=np.float32)
targets = rng.standard_normal((n, outputs), dtype=np.float32)


def summary(t):
    h, _ = np.histogram(t, bins=bins)
    return float(t.mean()), float(t.std()), float(t.min()), float(t.max()), int(h.sum())


rules = {
    "zero": lambda shape: np.zeros(shape, np.float32),
    "small": lambda shape: rng.standard_normal(shape, dtype=np.float32) * np.float32(1e-4),
    "large": lambda shape: rng.standard_normal(shape, dtype=np.float32),
    "xavier": lambda shape: rng.standard_normal(shape, dtype=np.float32) * np.float32(np.sqrt(1 / shape[0])),
    "he": lambda shape: rng.standard_normal(shape, dtype=np.float32) * np.float32(np.sqrt(2 / shape[0])),
}
for name, rule in rules.items():
    w1 = rule((fan_in, width))
    w2 = rule((width, outputs))
    z = x @ w1
    a = np.tanh(z)
    local = 1 - a * a
    y = a @ w2
    dy = (y - targets) / n
    delta = (dy @ w2.T) * local
    dw = x.T @ delta
    stats = [summary(t) for t in (z, a, local, delta, dw)]
    print(name, "std z %.4g std a %.4g std dW %.4g" % (stats[0][1], stats[1][1], stats[4][1]))
print("seconds %.3f" % (time.perf_counter() - start))
