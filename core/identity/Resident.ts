/**
 * A person as the population registry (人口信息系统) knows them. In production the registry is the
 * public security bureau's system; here a `residents` collection of synthetic people plays it.
 */
export interface Resident {
  _id: string;
  idIndex: string;
  idNumberEnc: string;
  nameEnc: string;
  /** 户号: members of one household share it. */
  householdId: string;
  /** Relation to the head of household as registered (户主, 子, 女, 父, 母, 配偶 …). */
  relationToHead: string;
  birthDate: string;
  sex: 'male' | 'female';
  divisionCode: string;
  /** Fingerprints registered with the last card (reissue eligibility). */
  fingerprintsOnFile: boolean;
  /** Date the current card was issued, YYYY-MM-DD. */
  cardIssuedOn?: string;
}
