"""Why a firm was chosen, written as a sentence a planner reads.

The placement evidence of an OPERATES_IN relation is a list of short Chinese reasons
("经营范围含‘压电陶瓷’", "申万行业 640301"); older graphs carry only the ``matched``
words. :func:`candidate_reason` joins them with the score and the firm's places.

>>> candidate_reason(["经营范围含‘压电陶瓷’"], [], 0.7, ["新乡市"], near=False)
'经营范围含‘压电陶瓷’（得分 0.7），位于新乡市'
>>> candidate_reason([], ["温度传感器", "MEMS"], 0.35, ["新乡市", "新乡高新区"], near=True)
'经营范围含‘温度传感器’、‘MEMS’（得分 0.35），位于新乡市、新乡高新区（同城）'
"""
from __future__ import annotations


def candidate_reason(evidence, matched, score, places, *, near: bool = False) -> str:
    """One sentence: the evidence (or matched words), the score, where the firm is."""
    parts = [str(e) for e in evidence or () if e]
    if not parts and matched:
        parts = ["经营范围含" + "、".join(f"‘{m}’" for m in matched)]
    text = "；".join(parts) or "同环节企业"
    if score is not None:
        text += f"（得分 {score:g}）"
    if places:
        text += "，位于" + "、".join(places) + ("（同城）" if near else "")
    return text
