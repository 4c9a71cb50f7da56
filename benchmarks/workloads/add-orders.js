'use strict';
// GroupBuy:AddHouseholdOrders with `batch` new households per transaction, spread round-robin
// over the OPEN group buys in `groupBuys` (also the data generator: batch 200, fixed load).
const { RecordingWorkload, order, leader } = require('./common');

class AddOrders extends RecordingWorkload {
    async initializeWorkloadModule(...a) {
        await super.initializeWorkloadModule(...a);
        this.batch = Number(this.roundArguments.batch || 1);
        this.groupBuys = String(this.roundArguments.groupBuys).split(',');
        this.sku = this.roundArguments.sku || 'RICE-5KG';
    }

    async submitTransaction() {
        const n = this.counter++;
        const gb = this.groupBuys[(n * this.totalWorkers + this.workerIndex) % this.groupBuys.length];
        const orders = [];
        for (let i = 0; i < this.batch; i++) {
            orders.push(order(`H-${this.prefix}-${n}-${i}`, this.sku));
        }
        return this.send({ contractId: 'groupbuy', contractFunction: 'GroupBuy:AddHouseholdOrders',
            contractArguments: [gb, JSON.stringify(orders)], readOnly: false, ...leader(this.roundArguments) }, this.batch);
    }
}

module.exports.createWorkloadModule = () => new AddOrders();
