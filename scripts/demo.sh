#!/usr/bin/env bash
# The main job on the bundled sample: build the graph, print the sensor-chain gaps of
# 郑州高新区, write the chain map to sensor-chain.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/kg build
.venv/bin/kg gaps 传感器 --zone 郑州高新区
.venv/bin/kg view chain 传感器 --zone 郑州高新区 -o sensor-chain.html
