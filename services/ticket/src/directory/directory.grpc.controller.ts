import type { Metadata } from '@grpc/grpc-js';
import { directoryV1 } from '@helpdesk/contracts';
import { GrpcController, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import * as assets from './assets/asset.grpc-mapper';
import { AssetsService } from './assets/assets.service';
import { LifeRecordService } from './assets/life-record.service';
import * as contacts from './contacts/contact.grpc-mapper';
import { ContactsService } from './contacts/contacts.service';
import * as contracts from './contracts/contract.grpc-mapper';
import { ContractsService } from './contracts/contracts.service';
import { EntitlementsService } from './contracts/entitlements.service';
import * as customers from './customers/customer.grpc-mapper';
import { CustomersService } from './customers/customers.service';
import { UPSERT_OUTCOME_TO_PROTO, pageMessage } from './directory-common.grpc-mapper';

/**
 * `helpdesk.ticket.v1.DirectoryService`: who, what, call, map. Writes are for admins and
 * integrations (ERP/CRM sync); agents may also upsert contacts (they record a new caller's number
 * during the call) and add manual life record entries. Reads are for staff; a customer token
 * may read its own customer and its own contact, and its customer's contracts and assets (the
 * portal shows them; the repositories scope the reads, anything else is NOT_FOUND). Lookups,
 * entitlement checks and the life record are staff-only.
 */
@GrpcController()
@directoryV1.DirectoryServiceControllerMethods()
export class DirectoryGrpcController implements directoryV1.DirectoryServiceController {
  // Explicit tokens: decorator metadata is not emitted under every test runner.
  constructor(
    @Inject(CustomersService) private readonly customers: CustomersService,
    @Inject(ContactsService) private readonly contacts: ContactsService,
    @Inject(ContractsService) private readonly contracts: ContractsService,
    @Inject(EntitlementsService) private readonly entitlements: EntitlementsService,
    @Inject(AssetsService) private readonly assets: AssetsService,
    @Inject(LifeRecordService) private readonly lifeRecord: LifeRecordService,
  ) {}

  @Roles('admin', 'integration')
  async upsertCustomer(request: directoryV1.UpsertCustomerRequest, metadata: Metadata): Promise<directoryV1.UpsertCustomerResponse> {
    const { target, content } = parseRequest(customers.upsertCustomerRequestSchema, request);
    const { record, outcome } = await this.customers.upsert(callerFrom(metadata), target, content);
    return { customer: customers.toCustomerMessage(record), outcome: UPSERT_OUTCOME_TO_PROTO[outcome] };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async getCustomer(request: directoryV1.GetCustomerRequest, metadata: Metadata): Promise<directoryV1.GetCustomerResponse> {
    const key = parseRequest(customers.getCustomerRequestSchema, request);
    return { customer: customers.toCustomerMessage(await this.customers.get(callerFrom(metadata), key)) };
  }

  @Roles('admin', 'agent', 'integration')
  async listCustomers(request: directoryV1.ListCustomersRequest, metadata: Metadata): Promise<directoryV1.ListCustomersResponse> {
    const { filter, page } = parseRequest(customers.listCustomersRequestSchema, request);
    const { items, page: next } = pageMessage(await this.customers.list(callerFrom(metadata), filter, page), customers.toCustomerMessage);
    return { customers: items, page: next };
  }

  @Roles('admin', 'agent', 'integration')
  async upsertContact(request: directoryV1.UpsertContactRequest, metadata: Metadata): Promise<directoryV1.UpsertContactResponse> {
    const input = parseRequest(contacts.upsertContactRequestSchema, request);
    const { record, outcome } = await this.contacts.upsert(callerFrom(metadata), input);
    return { contact: contacts.toContactMessage(record), outcome: UPSERT_OUTCOME_TO_PROTO[outcome] };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async getContact(request: directoryV1.GetContactRequest, metadata: Metadata): Promise<directoryV1.GetContactResponse> {
    const { id } = parseRequest(contacts.getContactRequestSchema, request);
    return { contact: contacts.toContactMessage(await this.contacts.get(callerFrom(metadata), id)) };
  }

  @Roles('admin', 'agent', 'integration')
  async listContacts(request: directoryV1.ListContactsRequest, metadata: Metadata): Promise<directoryV1.ListContactsResponse> {
    const { filter, page } = parseRequest(contacts.listContactsRequestSchema, request);
    const { items, page: next } = pageMessage(await this.contacts.list(callerFrom(metadata), filter, page), contacts.toContactMessage);
    return { contacts: items, page: next };
  }

  @Roles('admin', 'agent', 'integration')
  async findContactByEmail(request: directoryV1.FindContactByEmailRequest, metadata: Metadata): Promise<directoryV1.FindContactByEmailResponse> {
    const { email } = parseRequest(contacts.findContactByEmailRequestSchema, request);
    const { contact, matchCount } = await this.contacts.findByEmail(callerFrom(metadata), email);
    return { contact: contacts.toContactMessage(contact), matchCount };
  }

  @Roles('admin', 'agent', 'integration')
  async findContactByPhone(request: directoryV1.FindContactByPhoneRequest, metadata: Metadata): Promise<directoryV1.FindContactByPhoneResponse> {
    const { phoneNumber, defaultCountry } = parseRequest(contacts.findContactByPhoneRequestSchema, request);
    const { contact, matchCount, normalizedNumber } = await this.contacts.findByPhone(callerFrom(metadata), phoneNumber, defaultCountry);
    return { contact: contacts.toContactMessage(contact), matchCount, normalizedNumber };
  }

  @Roles('admin', 'integration')
  async upsertContract(request: directoryV1.UpsertContractRequest, metadata: Metadata): Promise<directoryV1.UpsertContractResponse> {
    const input = parseRequest(contracts.upsertContractRequestSchema, request);
    const { record, outcome } = await this.contracts.upsert(callerFrom(metadata), input);
    return { contract: contracts.toContractMessage(record), outcome: UPSERT_OUTCOME_TO_PROTO[outcome] };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async getContract(request: directoryV1.GetContractRequest, metadata: Metadata): Promise<directoryV1.GetContractResponse> {
    const key = parseRequest(contracts.getContractRequestSchema, request);
    return { contract: contracts.toContractMessage(await this.contracts.get(callerFrom(metadata), key)) };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async listContracts(request: directoryV1.ListContractsRequest, metadata: Metadata): Promise<directoryV1.ListContractsResponse> {
    const { filter, page } = parseRequest(contracts.listContractsRequestSchema, request);
    const { items, page: next } = pageMessage(await this.contracts.list(callerFrom(metadata), filter, page), contracts.toContractMessage);
    return { contracts: items, page: next };
  }

  @Roles('admin', 'agent', 'integration')
  async checkEntitlement(request: directoryV1.CheckEntitlementRequest, metadata: Metadata): Promise<directoryV1.CheckEntitlementResponse> {
    const { query, onDate } = parseRequest(contracts.checkEntitlementRequestSchema, request);
    return contracts.toCheckEntitlementResponse(await this.entitlements.check(callerFrom(metadata), query, onDate));
  }

  @Roles('admin', 'integration')
  async upsertAsset(request: directoryV1.UpsertAssetRequest, metadata: Metadata): Promise<directoryV1.UpsertAssetResponse> {
    const input = parseRequest(assets.upsertAssetRequestSchema, request);
    const { record, outcome } = await this.assets.upsert(callerFrom(metadata), input);
    return { asset: assets.toAssetMessage(record), outcome: UPSERT_OUTCOME_TO_PROTO[outcome] };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async getAsset(request: directoryV1.GetAssetRequest, metadata: Metadata): Promise<directoryV1.GetAssetResponse> {
    const key = parseRequest(assets.getAssetRequestSchema, request);
    return { asset: assets.toAssetMessage(await this.assets.get(callerFrom(metadata), key)) };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async listAssets(request: directoryV1.ListAssetsRequest, metadata: Metadata): Promise<directoryV1.ListAssetsResponse> {
    const { filter, page } = parseRequest(assets.listAssetsRequestSchema, request);
    const { items, page: next } = pageMessage(await this.assets.list(callerFrom(metadata), filter, page), assets.toAssetMessage);
    return { assets: items, page: next };
  }

  @Roles('admin', 'agent', 'integration')
  async addLifeRecordEntry(request: directoryV1.AddLifeRecordEntryRequest, metadata: Metadata): Promise<directoryV1.AddLifeRecordEntryResponse> {
    const input = parseRequest(assets.addLifeRecordEntryRequestSchema, request);
    return { entry: assets.toLifeRecordEntryMessage(await this.lifeRecord.add(callerFrom(metadata), input)) };
  }

  @Roles('admin', 'agent', 'integration')
  async listLifeRecord(request: directoryV1.ListLifeRecordRequest, metadata: Metadata): Promise<directoryV1.ListLifeRecordResponse> {
    const { asset, newestFirst, page } = parseRequest(assets.listLifeRecordRequestSchema, request);
    const { items, page: next } = pageMessage(await this.lifeRecord.list(callerFrom(metadata), asset, newestFirst, page), assets.toLifeRecordEntryMessage);
    return { entries: items, page: next };
  }
}
