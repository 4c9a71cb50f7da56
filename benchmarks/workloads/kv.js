'use strict';
// Baseline on chaincode kvbaseline: KV:Put (submit, a new key per transaction), KV:Get (evaluate), or
// KV:PutMany (submit, `batch` new keys of `valueSize` bytes per transaction: the batch yardstick of an import).
const { RecordingWorkload, leader } = require('./common');

class KeyValue extends RecordingWorkload {
    async initializeWorkloadModule(...a) {
        await super.initializeWorkloadModule(...a);
        this.op = this.roundArguments.op || 'put';
        this.value = 'x'.repeat(Number(this.roundArguments.valueSize || 300));
        this.batch = Number(this.roundArguments.batch || 1);
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
        if (this.op === 'putmany') {
            return this.send({ contractId: 'kvbaseline', contractFunction: 'KV:PutMany',
                contractArguments: [`${this.prefix}-${n}`, String(this.batch), String(this.value.length)], readOnly: false,
                ...leader(this.roundArguments) }, this.batch);
        }
        return this.send({ contractId: 'kvbaseline', contractFunction: 'KV:Put',
            contractArguments: [`${this.prefix}-${n}`, this.value], readOnly: false, ...leader(this.roundArguments) });
    }
}

module.exports.createWorkloadModule = () => new KeyValue();
