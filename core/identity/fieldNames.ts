/** Field names used as authenticated data, so an encrypted phone cannot pass for an ID number. */
export const FIELD = { idNumber: 'idNumber', name: 'name', phone: 'phone', address: 'address' } as const;
