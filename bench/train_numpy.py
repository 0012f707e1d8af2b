"""Training the teacher set in numpy, for comparing InitScope's training speed with the same work on the same machine.

The work is what `TrainBenchmark.teacherFiveStrategies` measures (and `initscope train --dataset teacher --batch full
--steps 20 --eval-every 20 --lr 0.01 --depth 1 --activation tanh` computes), in float32 with the same shapes:

- data: X = 1000 x 1000 N(0, 1); the targets are a fixed teacher network's outputs (tanh, one hidden layer of 1000,
  He weights, 10 outputs) plus N(0, 0.1^2) noise; a test set drawn the same way. Built once, not timed.
- five strategies: zero; small N(0, 1e-4^2); large N(0, 1); xavier N(0, 1/fan_in); he N(0, 2/fan_in), for the hidden
  layer (1000 x 1000) and the readout (1000 x 10), no biases.
- 20 full-batch SGD steps each, lr 0.01, loss L = sum((y - T)^2) / (2 rows) (the trainer's MSE), with every step
  recorded as InitScope records it: std(W), std(dL/dW) / std(W), log10(std(dW update) / std(W)), and the
  activation's std, saturated fraction (|a| > 0.97) and zero fraction, and its distinct units (here: distinct values
  of a random projection of each column, the same amount of work as InitScope's column hashes).
- an evaluation on the test set before the first step and after the last: forward and backward passes, and a
  summary (mean, std, min, max) with a 60-bin histogram of z, a and delta; then the final training-set loss.

Run (unset OPENBLAS_CORETYPE, which this machine's environment sets to Haswell, for numpy's best kernel):

    env -u OPENBLAS_CORETYPE python3 bench/train_numpy.py [repeats]

It trains the five strategies once to warm up, then `repeats` times (default 5), and prints each time and the best
and median, in seconds. Compare with the JMH benchmark run in the same minute (see TrainBenchmark's header).
"""
import sys
import time

import numpy as np

ROWS, FAN_IN, WIDTH, OUTPUTS = 1000, 1000, 1000, 10
STEPS, LR, BINS, NOISE = 20, 0.01, 60, 0.1
F32 = np.float32


def teacher_set(rng):
    x = rng.standard_normal((ROWS, FAN_IN), dtype=F32)
    x_test = rng.standard_normal((ROWS, FAN_IN), dtype=F32)
    w1 = rng.standard_normal((FAN_IN, WIDTH), dtype=F32) * F32(np.sqrt(2 / FAN_IN))
    w2 = rng.standard_normal((WIDTH, OUTPUTS), dtype=F32) * F32(np.sqrt(2 / WIDTH))
    t = np.tanh(x @ w1) @ w2 + F32(NOISE) * rng.standard_normal((ROWS, OUTPUTS), dtype=F32)
    t_test = np.tanh(x_test @ w1) @ w2 + F32(NOISE) * rng.standard_normal((ROWS, OUTPUTS), dtype=F32)
    return x, t, x_test, t_test


RULES = {
    "zero": lambda rng, shape: np.zeros(shape, F32),
    "small": lambda rng, shape: rng.standard_normal(shape, dtype=F32) * F32(1e-4),
    "large": lambda rng, shape: rng.standard_normal(shape, dtype=F32),
    "xavier": lambda rng, shape: rng.standard_normal(shape, dtype=F32) * F32(np.sqrt(1 / shape[0])),
    "he": lambda rng, shape: rng.standard_normal(shape, dtype=F32) * F32(np.sqrt(2 / shape[0])),
}


def summary(t):
    """Mean, std, min, max and a 60-bin histogram on [min, max], as an evaluation records each tensor."""
    h, _ = np.histogram(t, bins=BINS)
    return float(t.mean(dtype=np.float64)), float(t.std(dtype=np.float64)), float(t.min()), float(t.max()), h


def forward_backward(x, t, w1, w2):
    z = x @ w1
    a = np.tanh(z)
    y = a @ w2
    r = y - t
    loss = float(np.sum(r.astype(np.float64) ** 2) / (2 * len(x)))
    dy = r / F32(len(x))
    dw2 = a.T @ dy
    delta = (dy @ w2.T) * (F32(1) - a * a)
    dw1 = x.T @ delta
    return loss, z, a, delta, dw1, dw2


def evaluate(x_test, t_test, w1, w2):
    loss, z, a, delta, _, _ = forward_backward(x_test, t_test, w1, w2)
    return loss, [summary(m) for m in (z, a, delta)]


def train(name, data, projection):
    x, t, x_test, t_test = data
    rng = np.random.default_rng(42)
    w1 = RULES[name](rng, (FAN_IN, WIDTH))
    w2 = RULES[name](rng, (WIDTH, OUTPUTS))
    evals = [evaluate(x_test, t_test, w1, w2)]
    records = []
    for step in range(STEPS):
        loss, _, a, _, dw1, dw2 = forward_backward(x, t, w1, w2)
        if not np.isfinite(loss):
            records.append((step, loss))
            break
        ws = np.float64(w1.std(dtype=np.float64))
        gs = np.float64(dw1.std(dtype=np.float64))
        new_w1 = w1 - F32(LR) * dw1
        us = np.float64((new_w1 - w1).std(dtype=np.float64))
        w1 = new_w1
        w2 = w2 - F32(LR) * dw2
        with np.errstate(divide="ignore", invalid="ignore"):
            ratios = (gs / ws, np.log10(us / ws))
        a_std = float(a.std(dtype=np.float64))
        saturated = float(np.count_nonzero(np.abs(a) > F32(0.97))) / a.size
        zeros = float(np.count_nonzero(a == 0)) / a.size
        distinct = len(np.unique(a.T @ projection))
        records.append((step, loss, ws, ratios, a_std, saturated, zeros, distinct))
    evals.append(evaluate(x_test, t_test, w1, w2))
    final = forward_backward(x, t, w1, w2)[0]
    return records, evals, final


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rng = np.random.default_rng(7)
    data = teacher_set(rng)
    projection = rng.standard_normal(ROWS).astype(F32)
    times = []
    for run in range(repeats + 1):
        start = time.perf_counter()
        results = {name: train(name, data, projection) for name in RULES}
        elapsed = time.perf_counter() - start
        if run == 0:
            for name, (records, _, final) in results.items():
                print("%-6s first loss %.4f final %.4f distinct %s" % (name, records[0][1], final,
                                                                       records[-1][-1]))
            print("warm-up %.3f s" % elapsed)
        else:
            times.append(elapsed)
            print("run %d %.3f s" % (run, elapsed))
    times.sort()
    print("numpy 5 strategies x %d steps: best %.3f s, median %.3f s" % (STEPS, times[0], times[len(times) // 2]))


if __name__ == "__main__":
    main()
