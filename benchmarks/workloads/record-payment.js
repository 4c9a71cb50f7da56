'use strict';
// Lifecycle step driven at a rate: GroupBuy:RecordPayment. Each worker first adds its own
// households (not measured), then records payments for them round-robin: every payment is a
// new key (payment~gb~household~tx), so the rate is not limited by read conflicts.
const crypto = require('crypto');
const { RecordingWorkload, order, leader } = require('./common');

class RecordPayment extends RecordingWorkload {
    async initializeWorkloadModule(...a) {
        await super.initializeWorkloadModule(...a);
        this.gb = this.roundArguments.groupBuy;
        const orders = [];
        for (let i = 0; i < 50; i++) {
            orders.push(order(`H-${this.prefix}-pay-${i}`, this.roundArguments.sku || 'RICE-5KG'));
        }
        const s = await this.sutAdapter.sendRequests({ contractId: 'groupbuy', contractFunction: 'GroupBuy:AddHouseholdOrders',
            contractArguments: [this.gb, JSON.stringify(orders)], readOnly: false, ...leader(this.roundArguments) });
        if (s.GetStatus() !== 'success') {
            throw new Error(`could not add the households to pay for in ${this.gb}`);
        }
        this.households = orders.map((o) => o.household);
    }

    async submitTransaction() {
        const n = this.counter++;
        const household = this.households[n % this.households.length];
        const ref = crypto.createHash('sha256').update(`${this.prefix}-${n}`).digest('hex');
        return this.send({ contractId: 'groupbuy', contractFunction: 'GroupBuy:RecordPayment',
            contractArguments: [this.gb, household, '100', ref], readOnly: false, ...leader(this.roundArguments) });
    }
}

module.exports.createWorkloadModule = () => new RecordPayment();
