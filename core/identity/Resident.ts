/**
 * A person as the population registry (人口信息系统) knows them: what the bureau's registry gateway
 * answers (docs/REGISTRY.md), never a copy kept by this service. The registry holds names and ID
 * numbers; it answers whether a name and number belong together, never the name or number itself.
 */
export interface RegisteredPerson {
  /** The registry's stable, opaque id of the person (personId in docs/REGISTRY.md). */
  _id: string;
  /** 户号, opaque: members of one household share it. */
  householdId: string;
  /** Relation to the head of household as registered (户主, 子, 女, 父, 母, 配偶 …). */
  relationToHead: string;
  birthDate: string;
  sex: 'male' | 'female';
  /** GB/T 2260 district of the household registration (户籍地). */
  divisionCode: string;
  /** The ID number masked by the registry (first 4 and last 4 characters, e.g. 4601**********1311), for officers' screens. */
  idNumberMasked: string;
}

/** A person with the facts of their current ID card (the card record of the registry). */
export interface Resident extends RegisteredPerson {
  /** Fingerprints registered with the last card (reissue eligibility). */
  fingerprintsOnFile: boolean;
  /** Date the current card was issued, YYYY-MM-DD. */
  cardIssuedOn?: string;
}
