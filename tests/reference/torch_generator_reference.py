#!/usr/bin/env python3
"""Writes torch_generator_reference.txt: what PyTorch's own CPU generator draws, for SamplingTorchGeneratorTests.

Three runs, each from torch.Generator().manual_seed(seed), then the lecture's initial weights:
  * seed 2147483647, the lecture's MLP start: randn (27, 10), (30, 200), (200, 27), (27,) as C, W1, W2, b2 are drawn,
    then three torch.randint(0, 182625, (32,)) mini-batches, then randn (5,) and (3,) (small tensors: the scalar path
    and its kept Box-Muller value);
  * seed 7: randn (16,), (1,), (17,): a size 16 divides, a lone scalar draw, and one redrawn tail;
  * seed -5 (PyTorch takes a negative seed's two's complement): randn (40,) and randint(0, 1000, (8,));
  * the lecture's part 3 start with BatchNorm for a vocabulary of 27 (seed 2147483647): C, W1 * (5/3) / 30**0.5,
    W2 * 0.01 and b2 * 0, each as "init <name> <count>" and the SHA-256 of its float32 bytes (little-endian, row-major).
Each line: "randn <count>" or "randint <bound> <count>", then the values, 16 a line: randn values as the 8 hex digits
of their float32 bits, randint values in decimal.

Run from the repository root with a Python that has torch (Debian: apt-get install python3-torch; /usr/bin/python3):
    /usr/bin/python3 tests/reference/torch_generator_reference.py
"""
import hashlib
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = [
    (2147483647, [("randn", 270), ("randn", 6000), ("randn", 5400), ("randn", 27),
                  ("randint", 182625, 32), ("randint", 182625, 32), ("randint", 182625, 32),
                  ("randn", 5), ("randn", 3)]),
    (7, [("randn", 16), ("randn", 1), ("randn", 17)]),
    (-5, [("randn", 40), ("randint", 1000, 8)]),
]


def lines_of(values, fmt):
    return [" ".join(fmt(v) for v in values[i:i + 16]) for i in range(0, len(values), 16)]


def main():
    out = ["# PyTorch %s CPU generator draws, from tests/reference/torch_generator_reference.py (%s)"
           % (torch.__version__, torch.__config__.show().split("CPU capability usage: ")[1].split("\n")[0])]
    for seed, draws in RUNS:
        g = torch.Generator().manual_seed(seed)
        out.append("seed %d" % seed)
        for draw in draws:
            if draw[0] == "randn":
                values = torch.randn(draw[1], generator=g).tolist()
                out.append("randn %d" % draw[1])
                out += lines_of(values, lambda v: "%08x" % struct.unpack("<I", struct.pack("<f", v))[0])
            else:
                values = torch.randint(0, draw[1], (draw[2],), generator=g).tolist()
                out.append("randint %d %d" % (draw[1], draw[2]))
                out += lines_of(values, str)
    g = torch.Generator().manual_seed(2147483647)
    init = [("C", torch.randn((27, 10), generator=g)),
            ("W1", torch.randn((30, 200), generator=g) * (5 / 3) / (30 ** 0.5)),
            ("W2", torch.randn((200, 27), generator=g) * 0.01),
            ("b2", torch.randn(27, generator=g) * 0)]
    out.append("seed 2147483647 lecture")
    for name, tensor in init:
        data = tensor.contiguous().numpy().astype("<f4").tobytes()
        out.append("init %s %d %s" % (name, tensor.numel(), hashlib.sha256(data).hexdigest()))
    path = os.path.join(HERE, "torch_generator_reference.txt")
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
