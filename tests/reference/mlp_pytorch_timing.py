#!/usr/bin/env python3
"""Times one training step of makemore part 3's loop in PyTorch on one thread, for the README's C# vs PyTorch table.

The loop is the lecture's (batch 32, C 27x10, W1 30x200 scaled with no b1, BatchNorm with running statistics,
W2 200x27 x 0.01, b2 = 0, F.cross_entropy, loss.backward(), p.data += -lr * p.grad), on the bundled names split as
the lecture splits names.txt (random.seed(42), shuffle, 80%). After a warm-up it times REPEATS runs of STEPS steps
and prints each run's wall-clock and CPU time per step, with their medians.

    /usr/bin/python3 tests/reference/mlp_pytorch_timing.py [--steps 2000] [--repeats 7]
"""
import argparse
import os
import random
import statistics
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=500)
    args = parser.parse_args()
    torch.set_num_threads(1)

    with open(os.path.join(ROOT, "src", "MakemorePS.Core", "Data", "names.txt"), encoding="utf-8") as f:
        words = [line.strip() for line in f if line.strip()]
    chars = sorted(set("".join(words)))
    stoi = {s: i + 1 for i, s in enumerate(chars)}
    stoi["."] = 0
    vocab_size = len(stoi)
    block_size = 3

    def build_dataset(words):
        X, Y = [], []
        for w in words:
            context = [0] * block_size
            for ch in w + ".":
                ix = stoi[ch]
                X.append(context)
                Y.append(ix)
                context = context[1:] + [ix]
        return torch.tensor(X), torch.tensor(Y)

    random.seed(42)
    random.shuffle(words)
    Xtr, Ytr = build_dataset(words[: int(0.8 * len(words))])

    n_embd, n_hidden, batch_size = 10, 200, 32
    g = torch.Generator().manual_seed(2147483647)
    C = torch.randn((vocab_size, n_embd), generator=g)
    W1 = torch.randn((n_embd * block_size, n_hidden), generator=g) * (5 / 3) / ((n_embd * block_size) ** 0.5)
    W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.01
    b2 = torch.randn(vocab_size, generator=g) * 0
    bngain = torch.ones((1, n_hidden))
    bnbias = torch.zeros((1, n_hidden))
    bnmean_running = torch.zeros((1, n_hidden))
    bnstd_running = torch.ones((1, n_hidden))
    parameters = [C, W1, W2, b2, bngain, bnbias]
    for p in parameters:
        p.requires_grad = True

    step = 0

    def run(steps):
        nonlocal step, bnmean_running, bnstd_running
        for _ in range(steps):
            ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
            Xb, Yb = Xtr[ix], Ytr[ix]
            emb = C[Xb]
            embcat = emb.view(emb.shape[0], -1)
            hpreact = embcat @ W1
            bnmeani = hpreact.mean(0, keepdim=True)
            bnstdi = hpreact.std(0, keepdim=True)
            hpreact = bngain * (hpreact - bnmeani) / bnstdi + bnbias
            with torch.no_grad():
                bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani
                bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi
            h = torch.tanh(hpreact)
            logits = h @ W2 + b2
            loss = F.cross_entropy(logits, Yb)
            for p in parameters:
                p.grad = None
            loss.backward()
            lr = 0.1 if step < 100000 else 0.01
            for p in parameters:
                p.data += -lr * p.grad
            step += 1
        return loss.item()

    run(args.warmup)
    wall, cpu = [], []
    for _ in range(args.repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run(args.steps)
        wall.append((time.perf_counter() - start) / args.steps * 1e3)
        cpu.append((time.process_time() - start_cpu) / args.steps * 1e3)
    # CPU time counts only the time this process ran, so it is the fairer figure on a shared machine.
    print("PyTorch %s, %d thread, %d runs of %d steps: wall-clock ms per step %s (median %.4f); CPU ms per step %s (median %.4f)" % (
        torch.__version__, torch.get_num_threads(), args.repeats, args.steps,
        ", ".join("%.4f" % t for t in wall), statistics.median(wall), ", ".join("%.4f" % t for t in cpu), statistics.median(cpu)))


if __name__ == "__main__":
    main()
