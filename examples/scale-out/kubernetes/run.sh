#!/bin/sh
# Runs the sharded gate on a cluster: the shards' Indexed Job, then (when every index completed)
# the merge Job, whose exit code is the gate's.
set -eu
cd "$(dirname "$0")"
kubectl apply -f pvc.yaml
kubectl delete job vmaf-repro-shards vmaf-repro-merge --ignore-not-found
kubectl apply -f shards-job.yaml
kubectl wait --for=condition=complete --timeout=2h job/vmaf-repro-shards
kubectl apply -f merge-job.yaml
kubectl wait --for=condition=complete --timeout=30m job/vmaf-repro-merge || true
kubectl logs job/vmaf-repro-merge
test "$(kubectl get job vmaf-repro-merge -o jsonpath='{.status.succeeded}')" = "1"
