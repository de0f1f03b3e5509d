"""Python names for the rightsgraph ontology terms.

Generated from ontology/*.ttl by `rightsgraph gen-terms`; do not edit.
A test fails when this file is stale.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class RG(DefinedNamespace):
    _NS = Namespace("https://w3id.org/rightsgraph/ontology#")
    _fail = True

    AccessToCounsel: URIRef  # term: access to a lawyer and to family
    ActionPlan: URIRef  # class: action plan
    Actor: URIRef  # class: actor
    Addressee: URIRef  # term: addressee
    Adopted: URIRef  # term: adopted
    Alleged: URIRef  # term: alleged
    Alleges: URIRef  # term: alleges
    Amendment: URIRef  # class: amendment
    AmendmentAdoption: URIRef  # class: adoption of amendments
    AppealDecision: URIRef  # class: appeal decision
    Applicant: URIRef  # term: applicant
    Arrest: URIRef  # class: arrest
    CAT: URIRef  # term: Convention against Torture
    CATArticle3: URIRef  # term: Article 3 of the Convention against Torture
    Call: URIRef  # class: call to act
    Chairmanship: URIRef  # class: chairmanship
    City: URIRef  # class: city
    Claim: URIRef  # class: claim
    ClaimRule: URIRef  # term: claims from roles and statements
    ClaimStatus: URIRef  # class: claim status
    ClaimStatusScheme: URIRef  # term: claim statuses
    Claimant: URIRef  # term: claimant
    Code: URIRef  # class: code
    Constitution: URIRef  # class: constitution
    ConstitutionalReview: URIRef  # class: constitutional review
    Country: URIRef  # class: country
    Court: URIRef  # class: court
    CourtJudgment: URIRef  # class: court judgment
    DateBoundsRule: URIRef  # term: date bounds
    DecisionMaker: URIRef  # term: decision-maker
    Defendant: URIRef  # term: defendant or appellant
    DeliveryRule: URIRef  # term: delivery of a decision
    Denial: URIRef  # class: denial
    DenialOfAccess: URIRef  # class: denial of access
    DeniedParty: URIRef  # term: party denied access
    Denies: URIRef  # term: denies
    Detention: URIRef  # class: detention
    Draft: URIRef  # term: draft
    DraftLaw: URIRef  # class: draft law
    ECHR: URIRef  # term: European Convention on Human Rights
    ECHRArticle3: URIRef  # term: Article 3 of the European Convention on Human Rights
    Election: URIRef  # class: election, appointment or chairmanship
    Established: URIRef  # term: established by a competent body
    Event: URIRef  # class: event
    Evidence: URIRef  # class: evidence
    ExternalLink: URIRef  # class: external link
    Extradition: URIRef  # class: extradition
    Facility: URIRef  # class: facility
    FairTrial: URIRef  # term: fair trial
    Finding: URIRef  # class: finding
    Finds: URIRef  # term: finds
    ForcedConfession: URIRef  # class: confession obtained under torture
    FreedomFromTorture: URIRef  # term: freedom from torture and ill-treatment
    FreedomOfAssembly: URIRef  # term: freedom of peaceful assembly
    FreedomOfExpression: URIRef  # term: freedom of expression
    FreedomOfReligion: URIRef  # term: freedom of religion
    Group: URIRef  # class: group
    Harassment: URIRef  # class: harassment or targeting
    Host: URIRef  # term: host
    ICCPR: URIRef  # term: International Covenant on Civil and Political Rights
    ICCPRArticle14: URIRef  # term: Article 14 of the International Covenant on Civil and Political Rights
    ICCPRArticle18: URIRef  # term: Article 18 of the International Covenant on Civil and Political Rights
    ICCPRArticle19: URIRef  # term: Article 19 of the International Covenant on Civil and Political Rights
    ICCPRArticle21: URIRef  # term: Article 21 of the International Covenant on Civil and Political Rights
    ICCPRArticle7: URIRef  # term: Article 7 of the International Covenant on Civil and Political Rights
    ICCPRArticle9: URIRef  # term: Article 9 of the International Covenant on Civil and Political Rights
    IllTreatment: URIRef  # class: torture or ill-treatment
    InForce: URIRef  # term: in force
    IncommunicadoDetention: URIRef  # class: incommunicado detention
    InstrumentStatus: URIRef  # class: instrument status
    InstrumentStatusScheme: URIRef  # term: instrument statuses
    InternationalBody: URIRef  # class: international body
    InternationalCourt: URIRef  # class: international court
    InverseRule: URIRef  # term: inverse (owl:inverseOf)
    Investigated: URIRef  # term: investigated
    InvestigationStatus: URIRef  # class: investigation status
    InvestigationStatusScheme: URIRef  # term: investigation statuses
    JudgmentDelivery: URIRef  # class: delivery of a judgment
    JudicialInstruction: URIRef  # class: judicial instruction
    Killing: URIRef  # class: killing
    Law: URIRef  # class: law
    LawSigning: URIRef  # class: signing of a law
    LegalBasisScheme: URIRef  # term: legal bases
    LegalInstrument: URIRef  # class: legal instrument
    LegislativeAction: URIRef  # class: legislative action
    MediaFreedom: URIRef  # term: media freedom
    MediaOutlet: URIRef  # class: media outlet
    NGO: URIRef  # class: non-governmental organisation
    NotInvestigated: URIRef  # term: not investigated
    Office: URIRef  # class: office
    OfficeTerm: URIRef  # class: office term
    Order: URIRef  # class: order
    Organization: URIRef  # class: organisation
    OversightBody: URIRef  # class: oversight body
    Participant: URIRef  # term: participant
    Participation: URIRef  # class: participation
    Pending: URIRef  # term: pending
    Perpetrator: URIRef  # term: perpetrator or agent
    Person: URIRef  # class: person
    Place: URIRef  # class: place
    PlanApproval: URIRef  # class: approval of a plan
    PoliticalParty: URIRef  # class: political party
    PressReleaseKind: URIRef  # term: press release
    ProceduralFailure: URIRef  # class: procedural failure
    Prospective: URIRef  # term: prospective
    Protest: URIRef  # class: protest
    Publication: URIRef  # class: publication
    PublicationKind: URIRef  # class: publication kind
    PublicationRelease: URIRef  # class: release of a publication
    PublicationTopicRule: URIRef  # term: publication topics
    Raid: URIRef  # class: raid
    Recommendation: URIRef  # class: recommendation
    RecommendationIssued: URIRef  # class: issuing of recommendations
    RefugeeProtection: URIRef  # term: refugee protection
    Relays: URIRef  # term: relays an allegation
    Release: URIRef  # class: release
    ReportKind: URIRef  # term: report
    Reported: URIRef  # term: reported
    Reporter: URIRef  # term: observer or reporter
    ReportingPeriodRule: URIRef  # term: reporting period
    Reports: URIRef  # term: reports
    Requester: URIRef  # term: requester
    Respondent: URIRef  # term: respondent state
    ResponsibleAuthority: URIRef  # term: responsible authority
    Restriction: URIRef  # class: restriction
    Right: URIRef  # class: right
    RightToLiberty: URIRef  # term: liberty and freedom from arbitrary detention
    RightToLife: URIRef  # term: right to life
    RightToPrivacy: URIRef  # term: privacy and home
    RightsScheme: URIRef  # term: rights
    RoleType: URIRef  # class: role type
    Rule: URIRef  # class: derivation rule
    Rules: URIRef  # term: rules on
    Ruling: URIRef  # class: ruling
    Section: URIRef  # class: section
    SecurityOperation: URIRef  # class: security operation
    Sentencing: URIRef  # class: sentencing
    SourceDocument: URIRef  # class: source document
    Speaker: URIRef  # term: speaker
    Speaks: URIRef  # term: speaks about
    Stance: URIRef  # class: stance
    StanceScheme: URIRef  # term: stances
    StateBody: URIRef  # class: state body
    Statement: URIRef  # class: statement
    Subject: URIRef  # term: subject
    SymmetryRule: URIRef  # term: symmetry (owl:SymmetricProperty)
    Threatened: URIRef  # term: threatened
    Transfer: URIRef  # class: transfer across a border
    Treaty: URIRef  # class: treaty
    TreatyArticle: URIRef  # class: treaty article
    Unimplemented: URIRef  # term: not implemented
    UnregisteredDetention: URIRef  # class: unregistered detention
    Victim: URIRef  # term: victim or target
    Visit: URIRef  # class: visit
    about: URIRef  # term: about
    accordingTo: URIRef  # term: according to
    addressedTo: URIRef  # term: addressed to
    adoptedBy: URIRef  # term: adopted by
    adoptionDate: URIRef  # term: adoption date
    amendedBy: URIRef  # term: amended by
    amends: URIRef  # term: amends
    applicationNumber: URIRef  # term: application number
    attestedFrom: URIRef  # term: attested from
    attestedUntil: URIRef  # term: attested until
    caseName: URIRef  # term: case name
    checkedOn: URIRef  # term: checked on
    claimAbout: URIRef  # term: claim about
    claimStatus: URIRef  # term: claim status
    concernsInstrument: URIRef  # term: concerns instrument
    concernsRight: URIRef  # term: concerns right
    conveyedBy: URIRef  # term: conveyed by
    count: URIRef  # term: count
    countQualifier: URIRef  # term: count qualifier
    country: URIRef  # term: country
    court: URIRef  # term: court
    coversYear: URIRef  # term: covers year
    date: URIRef  # term: date
    deliveredIn: URIRef  # term: delivered in
    derivedBy: URIRef  # term: derived by
    destination: URIRef  # term: destination
    earliestDate: URIRef  # term: earliest date
    ecli: URIRef  # term: ECLI
    endDate: URIRef  # term: end date
    engages: URIRef  # term: engages
    fileName: URIRef  # term: file name
    fingerprint: URIRef  # term: fingerprint
    hasLink: URIRef  # term: has link
    hasParticipant: URIRef  # term: has participant
    hasParticipation: URIRef  # term: has participation
    heading: URIRef  # term: heading
    holder: URIRef  # term: holder
    holds: URIRef  # term: holds
    identifier: URIRef  # term: identifier
    inSection: URIRef  # term: in section
    instrumentStatus: URIRef  # term: instrument status
    investigationStatus: URIRef  # term: investigation status
    iso3166Alpha2: URIRef  # term: ISO 3166-1 alpha-2 code
    iso3166Alpha3: URIRef  # term: ISO 3166-1 alpha-3 code
    issuedBy: URIRef  # term: issued by
    judgmentDate: URIRef  # term: judgment date
    jurisdiction: URIRef  # term: jurisdiction
    latestDate: URIRef  # term: latest date
    lifeSentence: URIRef  # term: life sentence
    linkSource: URIRef  # term: link source
    listedIn: URIRef  # term: listed in
    locatedIn: URIRef  # term: located in
    matchStrength: URIRef  # term: match strength
    memberCount: URIRef  # term: member count
    ofOrganization: URIRef  # term: of organisation
    office: URIRef  # term: office
    origin: URIRef  # term: origin
    outcome: URIRef  # term: outcome
    partOf: URIRef  # term: part of
    partOfEvent: URIRef  # term: part of event
    participant: URIRef  # term: participant
    participatesIn: URIRef  # term: participates in
    place: URIRef  # term: place
    protectedBy: URIRef  # term: protected by
    protects: URIRef  # term: protects
    provision: URIRef  # term: provision
    publicationKind: URIRef  # term: publication kind
    publishedIn: URIRef  # term: published in
    purpose: URIRef  # term: stated purpose
    quote: URIRef  # term: quote
    relatedEvent: URIRef  # term: related event
    reportingPeriod: URIRef  # term: reporting period
    restricts: URIRef  # term: restricts
    role: URIRef  # term: role
    roleAllowedIn: URIRef  # term: role allowed in
    roleNotIn: URIRef  # term: role not in
    scheme: URIRef  # term: scheme
    sentence: URIRef  # term: sentence imposed
    sentenceDuration: URIRef  # term: sentence duration
    sentenceIndex: URIRef  # term: sentence index
    sha256: URIRef  # term: SHA-256
    stance: URIRef  # term: stance
    startDate: URIRef  # term: start date
    statusDate: URIRef  # term: status date
    summary: URIRef  # term: summary
    target: URIRef  # term: target
    undated: URIRef  # term: undated
    validFrom: URIRef  # term: valid from
    validUntil: URIRef  # term: valid until
    verified: URIRef  # term: verified
    violates: URIRef  # term: violates
