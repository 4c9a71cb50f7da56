'use strict';
// Read-only: Audit:Trace(id) or Audit:ListHouseholdOrders(id, pageSize, "") (first page), evaluated.
const { RecordingWorkload, reader } = require('./common');

class Audit extends RecordingWorkload {
    async submitTransaction() {
        this.counter++;
        const a = this.roundArguments;
        const args = a.op === 'list' ? [a.groupBuy, String(a.pageSize || 100), ''] : [a.groupBuy];
        return this.send({ contractId: 'groupbuy', contractFunction: a.op === 'list' ? 'Audit:ListHouseholdOrders' : 'Audit:Trace',
            contractArguments: args, readOnly: true, ...reader(a) });
    }
}

module.exports.createWorkloadModule = () => new Audit();
