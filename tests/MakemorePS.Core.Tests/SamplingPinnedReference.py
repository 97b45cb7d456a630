# Recomputes SamplingTests.PinnedNames without the C# code: python3 SamplingPinnedReference.py
# Independent re-implementation: PCG32, quantization to V*2^32, integer Vose, Lemire bounded draw.
M=6364136223846793005; MASK=(1<<64)-1
class Pcg:
    def __init__(s, seed, stream=54):
        s.state=0; s.inc=((stream<<1)|1)&MASK; s.next(); s.state=(s.state+seed)&MASK; s.next()
    def next(s):
        old=s.state; s.state=(old*M+s.inc)&MASK
        x=(((old>>18)^old)>>27)&0xffffffff; r=old>>59
        return ((x>>r)|(x<<((-r)&31)))&0xffffffff
    def bounded(s,b):
        p=s.next()*b; low=p&0xffffffff
        if low<b:
            t=((1<<32)-b)%b
            while low<t: p=s.next()*b; low=p&0xffffffff
        return p>>32
ONE=1<<32
def table(row):
    V=len(row); tot=sum(row); scale=V*ONE/tot
    q=[max(1,round(w*scale)) if w>0 else 0 for w in row]
    largest=0
    for j in range(V):
        if q[j]>q[largest]: largest=j
    q[largest]+=V*ONE-sum(q)
    small=[j for j in range(V) if q[j]<ONE]; large=[j for j in range(V) if q[j]>=ONE]
    th=[0]*V; al=[0]*V
    while small and large:
        s_=small.pop(); l=large[-1]; th[s_]=q[s_]; al[s_]=l; q[l]-=ONE-q[s_]
        if q[l]<ONE: large.pop(); small.append(l)
    for l in large: th[l]=0xffffffff; al[l]=l
    assert not small
    return th,al
counts=[[0,5,3,2],[4,1,2,3],[3,2,0,1],[5,1,1,0]]
k=1.0
probs=[[(c+k)/(sum(r)+k*4) for c in r] for r in counts]
tabs=[table(r) for r in probs]
sym='.abc'; rng=Pcg(42); out=[]
while len(out)<8:
    cur=0; name=''
    while len(name)<64:
        col=rng.bounded(4); th,al=tabs[cur]
        nxt=col if rng.next()<th[col] else al[col]
        if nxt==0: break
        name+=sym[nxt]; cur=nxt
    if name: out.append(name)
print(out)
