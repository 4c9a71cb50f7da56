'use strict';
// Baseline on chaincode kvbaseline: KV:Put (submit, a new key per transaction) or KV:Get (evaluate).
// The import's yardstick, KV:PutMany in a closed loop, is e2e/.../load/PutManyBench (scripts/bench.sh runs it).
const { RecordingWorkload, leader } = require('./common');

class KeyValue extends RecordingWorkload {
    async initializeWorkloadModule(...a) {
        await super.initializeWorkloadModule(...a);
        this.op = this.roundArguments.op || 'put';
        this.value = 'x'.repeat(Number(this.roundArguments.valueSize || 300));
        if (this.op === 'get') {
            // keys of our own to read: written here, before the measured round starts
            this.keys = [];
            for (let i = 0; i < 10; i++) {
                const key = `${this.prefix}-seed-${i}`;
                await this.sutAdapter.sendRequests({ contractId: 'kvbaseline', contractFunction: 'KV:Put',
                    contractArguments: [key, this.value], readOnly: false, ...leader(this.roundArguments) });
                this.keys.push(key);
            }
        }
    }

    async submitTransaction() {
        const n = this.counter++;
        if (this.op === 'get') {
            return this.send({ contractId: 'kvbaseline', contractFunction: 'KV:Get',
                contractArguments: [this.keys[n % this.keys.length]], readOnly: true, ...leader(this.roundArguments) });
        }
        return this.send({ contractId: 'kvbaseline', contractFunction: 'KV:Put',
            contractArguments: [`${this.prefix}-${n}`, this.value], readOnly: false, ...leader(this.roundArguments) });
    }
}

module.exports.createWorkloadModule = () => new KeyValue();
