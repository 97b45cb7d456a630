#!/usr/bin/env python3
"""PyTorch reference for MakemorePS's MLP trainer (makemore part 3, the lecture's loop).

Rebuilds, without any C# code, exactly what `new MlpTrainer(NameSplit.Create(BundledNames.Names).Train, new
MlpTrainingOptions())` trains on and starts from, then runs the lecture's training loop in PyTorch (float32, autograd)
and writes the first STEPS per-step mini-batch losses to mlp_reference_losses.txt. MlpReferenceAgreementTests checks
that the C# trainer's losses agree with them within 1e-4.

The shared deterministic inputs:
  * names: src/MakemorePS.Core/Data/names.txt, trimmed, blank lines skipped, in file order;
  * split: the lecture's random.seed(42); random.shuffle(names), done here by Python's random module itself
    (NameSplit.Create reproduces it with Mt19937); the first int(0.8 n) names are the training set;
  * examples: block size 3, contexts left-padded with '.', vocabulary '.' then the sorted characters;
  * initial weights and mini-batches: the lecture's own code, torch.Generator().manual_seed(2147483647) drawing C, W1,
    W2 and b2 with torch.randn and then each batch with torch.randint (the C# side reproduces that generator with
    TorchGenerator; SamplingTorchGeneratorTests checks it bit for bit).

Run from the repository root with a Python that has torch (Debian: apt-get install python3-torch; /usr/bin/python3):
    /usr/bin/python3 tests/reference/mlp_reference.py
With --steps N --no-fixture it trains N steps (the lecture's 200,000 take minutes) and prints the train and dev loss in
evaluation mode (BatchNorm's running statistics), for comparison with the benchmark project's --mlp-quality run;
--names PATH trains on another file (makemore's own names.txt gives the lecture's numbers).
"""
import argparse
import os
import random
import sys

import torch
import torch.nn.functional as F

STEPS = 1000
BLOCK, EMBED, HIDDEN, BATCH = 3, 10, 200, 32
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--no-fixture", action="store_true", help="do not rewrite mlp_reference_losses.txt")
    parser.add_argument("--names", default=os.path.join(ROOT, "src", "MakemorePS.Core", "Data", "names.txt"),
                        help="train on another names file (with --no-fixture), e.g. makemore's own names.txt")
    args = parser.parse_args()
    if args.names != parser.get_default("names") and not args.no_fixture:
        parser.error("--names needs --no-fixture: the fixture is for the bundled names")
    with open(args.names, encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]

    # The lecture's split, with Python's own generator: NameSplit reproduces it with Mt19937.
    shuffled = list(names)
    random.seed(42)
    random.shuffle(shuffled)
    n1, n2 = int(0.8 * len(shuffled)), int(0.9 * len(shuffled))
    train, dev = shuffled[:n1], shuffled[n1:n2]

    chars = sorted(set("".join(train)))
    stoi = {c: i + 1 for i, c in enumerate(chars)}
    stoi["."] = 0
    vocab = len(stoi)

    def examples(words):
        xs, ys = [], []
        for name in words:
            context = [0] * BLOCK
            for ch in name + ".":
                ix = stoi[ch]
                xs.append(context)
                ys.append(ix)
                context = context[1:] + [ix]
        return torch.tensor(xs), torch.tensor(ys)

    Xtr, Ytr = examples(train)

    g = torch.Generator().manual_seed(2147483647)
    C = torch.randn((vocab, EMBED), generator=g)
    W1 = torch.randn((BLOCK * EMBED, HIDDEN), generator=g) * (5 / 3) / ((BLOCK * EMBED) ** 0.5)
    W2 = torch.randn((HIDDEN, vocab), generator=g) * 0.01
    b2 = torch.randn(vocab, generator=g) * 0
    bngain = torch.ones((1, HIDDEN))
    bnbias = torch.zeros((1, HIDDEN))
    bnmean_running = torch.zeros((1, HIDDEN))
    bnstd_running = torch.ones((1, HIDDEN))
    parameters = [C, W1, W2, b2, bngain, bnbias]
    for p in parameters:
        p.requires_grad = True

    torch.set_num_threads(1)
    losses = []
    for i in range(args.steps):
        ix = torch.randint(0, Xtr.shape[0], (BATCH,), generator=g)
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
        lr = 0.1 if i < 100000 else 0.01
        for p in parameters:
            p.data += -lr * p.grad
        if i < STEPS:
            losses.append(loss.item())

    @torch.no_grad()
    def split_loss(words):
        X, Y = examples(words)
        hpreact = C[X].view(X.shape[0], -1) @ W1
        hpreact = bngain * (hpreact - bnmean_running) / bnstd_running + bnbias
        return F.cross_entropy(torch.tanh(hpreact) @ W2 + b2, Y).item()

    if args.no_fixture:
        print("%d steps: train %.4f, dev %.4f" % (args.steps, split_loss(train), split_loss([w for w in dev if set(w) <= set(chars)])))
        return

    out = os.path.join(HERE, "mlp_reference_losses.txt")
    with open(out, "w", encoding="ascii", newline="\n") as f:
        f.write("# First %d mini-batch losses of the lecture's loop in PyTorch %s (float32), from tests/reference/mlp_reference.py\n" % (STEPS, torch.__version__))
        for loss in losses:
            f.write("%.9g\n" % loss)
    print("wrote %s: %d losses, first %.6f, last %.6f, %d training names, %d examples" % (out, len(losses), losses[0], losses[-1], len(train), len(Ytr)), file=sys.stderr)


if __name__ == "__main__":
    main()
