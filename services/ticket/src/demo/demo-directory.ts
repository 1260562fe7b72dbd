import type { AssetData } from '../directory/assets/asset';
import type { ContactInput } from '../directory/contacts/contact';
import type { ContractData } from '../directory/contracts/contract';
import type { CustomerData } from '../directory/customers/customer';

// The demo directory: an IT system house's customers, its hardware supplier, their contacts,
// contracts and installed devices. Mail domains are `.example` (RFC 2606) and phone numbers come
// from the Bundesnetzagentur's and Ofcom's ranges reserved for fiction, so nothing here reaches a
// real person once a mail or telephony gateway runs against the demo data.

/** A contact of the demo directory, tied to its organisation by customer number. */
export interface DemoContact {
  readonly customerNumber: string;
  readonly contact: Omit<ContactInput, 'customerId'>;
}

/** A contract of the demo directory, tied to its customer by number. */
export interface DemoContract {
  readonly customerNumber: string;
  readonly contract: Omit<ContractData, 'customerId'>;
}

/** An asset of the demo directory, tied to customer, supplier and contract by number. */
export interface DemoAsset {
  readonly customerNumber: string;
  readonly supplierNumber: string;
  readonly contractNumber: string;
  readonly asset: Omit<AssetData, 'customerId' | 'supplierId' | 'contractId'>;
}

/** The whole demo directory for a given calendar year (contract validity and warranties follow it). */
export interface DemoDirectory {
  readonly organisations: readonly CustomerData[];
  readonly contacts: readonly DemoContact[];
  readonly contracts: readonly DemoContract[];
  readonly assets: readonly DemoAsset[];
}

/** Customer numbers the demo tickets refer to. */
export const DEMO_CUSTOMERS = { mueller: 'K-10001', stadtwerke: 'K-10002', brightwater: 'K-10003', comtech: 'L-90001' } as const;

/** The service desk's own mail address in the demo messages. */
export const DEMO_SERVICE_DESK_MAIL = 'servicedesk@systemhaus-nord.example';

const organisations: readonly CustomerData[] = [
  organisation('customer', DEMO_CUSTOMERS.mueller, 'Müller Maschinenbau GmbH', 'DE811234567', ['Industriestraße 12', '85748', 'Garching bei München', 'DE-BY'], 'de'),
  organisation('customer', DEMO_CUSTOMERS.stadtwerke, 'Stadtwerke Nordheim', 'DE812345678', ['Am Wasserwerk 3', '60311', 'Nordheim', 'DE-HE'], 'de'),
  organisation('customer', DEMO_CUSTOMERS.brightwater, 'Brightwater Analytics Ltd.', 'GB123456789', ['14 Canal Street', 'EC1A 1BB', 'London', null], 'en'),
  organisation('supplier', DEMO_CUSTOMERS.comtech, 'Comtech IT-Distribution GmbH', 'DE813456789', ['Hafenweg 40', '20457', 'Hamburg', 'DE-HH'], 'de'),
];

const contacts: readonly DemoContact[] = [
  contact(DEMO_CUSTOMERS.mueller, 'Thomas', 'Berger', 't.berger@mueller-maschinenbau.example', ['089 99998 101'], 'de'),
  contact(DEMO_CUSTOMERS.mueller, 'Sabine', 'Wolf', 's.wolf@mueller-maschinenbau.example', ['089 99998 102'], 'de'),
  contact(DEMO_CUSTOMERS.stadtwerke, 'Klaus', 'Hartmann', 'k.hartmann@stadtwerke-nordheim.example', ['069 90009 201', '069 90009 200 ext. 15'], 'de'),
  contact(DEMO_CUSTOMERS.stadtwerke, 'Monika', 'Schulz', 'm.schulz@stadtwerke-nordheim.example', ['069 90009 202'], 'de'),
  contact(DEMO_CUSTOMERS.brightwater, 'Emily', 'Carter', 'emily.carter@brightwater-analytics.example', ['+44 20 7946 0123'], 'en'),
  contact(DEMO_CUSTOMERS.comtech, 'Sven', 'Krüger', 'service@comtech-distribution.example', ['040 66969 301'], 'de'),
];

/** The demo directory; `year` is the current calendar year. */
export function demoDirectory(year: number): DemoDirectory {
  return { organisations, contacts, contracts: demoContracts(year), assets: demoAssets(year) };
}

/** Contract numbers of the Gold and the Silver contract. */
export function demoContractNumbers(year: number): { gold: string; silver: string } {
  return { gold: `SV-${year}-001`, silver: `SV-${year}-002` };
}

function demoContracts(year: number): DemoContract[] {
  const numbers = demoContractNumbers(year);
  const base = { validFrom: `${year}-01-01`, validUntil: `${year + 1}-12-31` };
  return [
    {
      customerNumber: DEMO_CUSTOMERS.mueller,
      // Ids of the demo SLA policies (services/sla/src/demo) and billing plans (services/billing/src/demo).
      contract: { ...base, contractNumber: numbers.gold, name: 'Gold Service (24/7, 2 h Reaktionszeit)', slaPolicyId: '01936a00-7777-7aaa-8bbb-000000000061', billingPlanId: '01936a00-8888-7aaa-8bbb-000000000008', freeSupport: false, entitlements: [{ kind: 'customer_number', value: DEMO_CUSTOMERS.mueller }], quotaRef: null },
    },
    {
      customerNumber: DEMO_CUSTOMERS.stadtwerke,
      contract: { ...base, contractNumber: numbers.silver, name: 'Silver Service (Mo–Fr 8–18 Uhr, 20 h Kontingent)', slaPolicyId: '01936a00-7777-7aaa-8bbb-000000000051', billingPlanId: '01936a00-8888-7aaa-8bbb-000000000009', freeSupport: false, entitlements: [{ kind: 'customer_number', value: DEMO_CUSTOMERS.stadtwerke }], quotaRef: `KONTINGENT-${year}-SWN` },
    },
  ];
}

/** Serial numbers of the demo assets. */
export const DEMO_SERIALS = { server: 'CZ24120ABX', printer: 'W4K2301187' } as const;

function demoAssets(year: number): DemoAsset[] {
  const numbers = demoContractNumbers(year);
  return [
    {
      customerNumber: DEMO_CUSTOMERS.mueller,
      supplierNumber: DEMO_CUSTOMERS.comtech,
      contractNumber: numbers.gold,
      asset: { serialNumber: DEMO_SERIALS.server, productName: 'HPE ProLiant DL380 Gen11 (Dateiserver SRV-FS01)', productSku: 'P52560-421', warrantyEndsOn: `${year + 2}-06-30` },
    },
    {
      customerNumber: DEMO_CUSTOMERS.stadtwerke,
      supplierNumber: DEMO_CUSTOMERS.comtech,
      contractNumber: numbers.silver,
      asset: { serialNumber: DEMO_SERIALS.printer, productName: 'Kyocera ECOSYS M3655idn (2. OG, Kundenservice)', productSku: '1102TB3NL0', warrantyEndsOn: `${year - 1}-03-31` },
    },
  ];
}

function organisation(kind: CustomerData['kind'], customerNumber: string, name: string, vatId: string, place: [string, string, string, string | null], language: string): CustomerData {
  const [street, postalCode, city, region] = place;
  const country = vatId.slice(0, 2);
  return { kind, customerNumber, name, legalName: name, vatId, address: { street, postalCode, city, region, country }, language, accountManagerId: null };
}

function contact(customerNumber: string, firstName: string, lastName: string, email: string, phones: readonly string[], language: string): DemoContact {
  return {
    customerNumber,
    contact: {
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      emails: [{ address: email, primary: true }],
      phones: phones.map((number, index) => ({ number, kind: undefined, primary: index === 0 })),
      language,
    },
  };
}
