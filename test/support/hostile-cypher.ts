/**
 * Hostile analyst Cypher: texts that must never run through POST /cypher or the `cypher`
 * field. Each is refused by the guard alone (test/cypher-guard.test.ts) and by the running
 * service against a real Neo4j, which must be left unchanged. Systematic families (control
 * characters in every gap of a few base attacks, every administration command, every write
 * clause, every unbounded path syntax) are generated, so a new base attack or character is one
 * line. Unbounded and over-long paths assume the default maximum of 10 hops (CYPHER_MAX_HOPS).
 */
export interface HostileCypher {
  name: string;
  query: string;
  params?: Record<string, unknown>;
}

const hex = (char: string) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Characters the two parsers (ours and Neo4j's) might read differently: every C0 control
 * character (Neo4j treats U+001C–U+001F as whitespace, ends `//` comments at CR), NEL, DEL and
 * the Unicode line and paragraph separators.
 */
const CONTROL_CHARACTERS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
];

/** Whitespace outside ASCII that Neo4j's lexer skips like a space. */
const UNICODE_SPACES = [
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2003',
  '\u200a',
  '\u202f',
  '\u205f',
  '\u3000',
  '\u200b',
  '\ufeff',
];

/** A base attack with one gap `{}` where a character is put. */
interface Slotted {
  name: string;
  template: string;
  /** Characters that make the text harmless in this gap (a tab inside a comment, say). */
  harmless?: string;
  params?: Record<string, unknown>;
}

const SLOTTED_ATTACKS: Slotted[] = [
  {
    name: 'between SHOW and TRANSACTIONS (reads every client’s queries and parameters)',
    template: 'SHOW{}TRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *',
  },
  {
    name: 'between TERMINATE and TRANSACTIONS (kills other clients’ transactions)',
    template:
      'SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE{}TRANSACTIONS id YIELD message RETURN id, message',
  },
  {
    name: 'between USE and system',
    template: 'USE{}system SHOW DATABASES',
  },
  {
    name: 'ending a // comment before a write',
    template: 'RETURN 1 AS x //{}CREATE (:Hacked)',
    harmless: '\t',
  },
  {
    name: 'between SHOW and SETTINGS (reads the configuration)',
    template: 'SHOW{}SETTINGS YIELD name, value RETURN name, value',
  },
  {
    name: 'between CALL and an admin procedure',
    template: 'CALL{}dbms.listConfig() YIELD name, value RETURN name, value',
  },
  {
    name: 'between LOAD and CSV',
    template: "LOAD{}CSV FROM 'file:///etc/passwd' AS line RETURN line",
  },
  {
    name: 'inside an unbounded variable-length relationship',
    template: 'MATCH p = (a)-[*{}]->(b) RETURN count(p)',
  },
];

function controlCharacterAttacks(): HostileCypher[] {
  return SLOTTED_ATTACKS.flatMap(({ name, template, harmless = '', params }) =>
    CONTROL_CHARACTERS.filter((char) => !harmless.includes(char)).map((char) => ({
      name: `${hex(char)} ${name}`,
      query: template.replace('{}', char),
      ...(params ? { params } : {}),
    })),
  );
}

/** The same characters in every gap between the words of the worst attacks. */
function everyGapAttacks(): HostileCypher[] {
  const bases = [
    'SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *',
    'USE system SHOW USERS YIELD user, roles RETURN user, roles',
    'MATCH (n) SET n.hacked = true RETURN count(n)',
  ];
  const characters = ['\u001c', '\u001f', '\u000b', '\u0085', '\u2028', '\u00a0'];
  return bases.flatMap((base) => {
    const words = base.split(' ');
    return characters.flatMap((char) =>
      words.slice(1).map((_, gap) => ({
        name: `${hex(char)} in gap ${gap + 1} of "${base}"`,
        query: words.slice(0, gap + 1).join(' ') + char + words.slice(gap + 1).join(' '),
      })),
    );
  });
}

function unicodeSpaceAttacks(): HostileCypher[] {
  return UNICODE_SPACES.flatMap((char) => [
    {
      name: `${hex(char)} between SHOW and TRANSACTIONS`,
      query: `SHOW${char}TRANSACTIONS`,
    },
    {
      name: `${hex(char)} before a write after an alias`,
      query: `RETURN 1 AS a${char}CREATE (:Hacked)`,
    },
  ]);
}

const COMMENT_TRICKS: [string, string][] = [
  ['CR ends a // comment', 'RETURN 1 AS x //\rCREATE (n:Hacked)'],
  ['LF ends a // comment', 'RETURN 1 AS x //\nCREATE (n:Hacked)'],
  ['CRLF ends a // comment', 'RETURN 1 AS x //\r\nCREATE (n:Hacked)'],
  ['CR after a comment before SET', 'MATCH (n) // nothing here\rSET n.hacked = true'],
  ['CR after a comment before SHOW', 'RETURN 1 AS x //\rSHOW TRANSACTIONS'],
  ['CR after a comment before CALL', 'RETURN 1 AS x //\rCALL dbms.listConfig()'],
  ['a write after a block comment', '/* a harmless read */ MATCH (n) DETACH DELETE n'],
  ['a write inside a nested comment', '/* outer /* inner */ CREATE (n:Hacked) */ RETURN 1'],
  ['an unterminated block comment', 'RETURN 1 AS x /* CREATE (n:Hacked)'],
  ['an unterminated comment opener in a comment', 'RETURN 1 /* /* */ CREATE (n:Hacked)'],
  ['a comment opener inside a // comment', 'RETURN 1 AS x // /*\nCREATE (n:Hacked) // */'],
  ['a comment closer in a string', "RETURN '*/' AS x CREATE (n:Hacked)"],
  ['an escaped backslash ending a string', "RETURN 'a\\\\' AS x CREATE (n:Hacked) //'"],
  ['an escaped quote in a string', "RETURN 'it\\'s' AS x CREATE (n:Hacked)"],
  ['a double-quoted string with a single quote', 'RETURN "it\'s" AS x CREATE (n:Hacked)'],
  ['an unterminated string', "RETURN 'abc AS x CREATE (n:Hacked)"],
  ['an unterminated quoted name', 'RETURN 1 AS `abc CREATE (n:Hacked)'],
];

/** Neo4j 5 turns \uXXXX into its character before lexing, even in strings and comments. */
const UNICODE_ESCAPE_TRICKS: [string, string][] = [
  ['\\u0027 closes a string for Neo4j', "RETURN '\\u0027 AS x CREATE (n:Hacked) //' AS y"],
  ['\\u0022 closes a double-quoted string', 'RETURN "\\u0022 AS x CREATE (n:Hacked) //" AS y'],
  ['\\u000a ends a // comment', 'RETURN 1 AS x // \\u000a CREATE (n:Hacked)'],
  ['\\u000d ends a // comment', 'RETURN 1 AS x // \\u000d CREATE (n:Hacked)'],
  ['\\u002a\\u002f closes a block comment', 'RETURN 1 AS x /* \\u002a/ CREATE (n:Hacked) /* */'],
  ['\\u0060 closes a quoted name', 'RETURN 1 AS `\\u0060 CREATE (n:Hacked) //`'],
  ['\\u0053 spells SHOW', '\\u0053HOW TRANSACTIONS'],
  ['\\u0064 spells dbms', 'CALL \\u0064bms.listConfig()'],
  ['escaped letters spell USE', '\\u0055\\u0053\\u0045 system SHOW DATABASES'],
  ['escaped letters spell CREATE', 'MATCH (n) \\u0043REATE (m:Hacked)'],
  ['repeated u in a Java escape', "RETURN '\\uuuu0027 AS x CREATE (n:Hacked) //' AS y"],
  ['escaped letters in a label', 'CREATE (n:\\u0048acked)'],
  ['escaped apoc namespace', 'RETURN \\u0061poc.version() AS v'],
  ['capital \\U escape', "RETURN '\\U00000027 AS x CREATE (n:Hacked) //' AS y"],
];

const BACKTICK_TRICKS: [string, string][] = [
  ['quoted admin procedure', 'CALL `dbms`.`listConfig`()'],
  ['quoted admin procedure in capitals', 'CALL `DBMS`.`LISTCONFIG`()'],
  ['quoted procedure as one dotted name', 'CALL `dbms.listConfig`()'],
  ['quoted write procedure', "CALL `db`.`createLabel`('Hacked')"],
  ['quoted write procedure as one name', "CALL `db.createLabel`('Hacked')"],
  ['quoted apoc function', 'RETURN `apoc`.`version`() AS v'],
  ['quoted apoc function as one name', 'RETURN `apoc.version`() AS v'],
  ['quoted apoc procedure', "CALL `apoc`.`cypher`.`runWrite`('CREATE (:Hacked)', {})"],
  ['quoted database name', 'USE `system` SHOW DATABASES'],
  ['quoted default database', 'USE `neo4j` MATCH (n) RETURN count(n)'],
  ['quoted SHOW keyword', '`SHOW` TRANSACTIONS'],
  ['quoted procedure with a doubled backtick', 'CALL `dbms``x`.listConfig()'],
  ['quoted namespace with an admin procedure', "CALL db.`createProperty`('hacked')"],
  ['capitals for an admin procedure', 'call DBMS.LISTCONFIG() yield name return name'],
  ['mixed case admin procedure', 'CALL Dbms.ListConfig()'],
  ['a $ glued to a name', 'MATCH (n$props) CREATE (m:Hacked)'],
];

/** Every administration command of Neo4j 5's Cypher manual, and its index and constraint commands. */
const ADMINISTRATION_COMMANDS = [
  // Databases
  'SHOW DATABASES',
  'SHOW DATABASE neo4j',
  'SHOW DEFAULT DATABASE',
  'SHOW HOME DATABASE',
  'SHOW DATABASES YIELD name, currentStatus WHERE currentStatus = "online" RETURN name',
  'CREATE DATABASE hacked',
  'CREATE DATABASE hacked IF NOT EXISTS',
  'CREATE OR REPLACE DATABASE neo4j',
  'CREATE COMPOSITE DATABASE hacked',
  'DROP DATABASE neo4j',
  'DROP DATABASE neo4j DUMP DATA',
  'DROP COMPOSITE DATABASE hacked',
  'ALTER DATABASE neo4j SET ACCESS READ ONLY',
  'ALTER DATABASE neo4j SET TOPOLOGY 1 PRIMARY',
  'START DATABASE neo4j',
  'STOP DATABASE neo4j',
  'STOP DATABASE neo4j WAIT',
  // Aliases
  'SHOW ALIASES FOR DATABASE',
  'SHOW ALIAS hacked FOR DATABASES',
  'CREATE ALIAS hacked FOR DATABASE neo4j',
  "CREATE ALIAS remote FOR DATABASE neo4j AT 'neo4j+s://example.com' USER u PASSWORD 'p'",
  'ALTER ALIAS hacked SET DATABASE TARGET system',
  'DROP ALIAS hacked FOR DATABASE',
  // Servers
  'SHOW SERVERS',
  "ENABLE SERVER 'server-1'",
  "ALTER SERVER 'server-1' SET OPTIONS {modeConstraint: 'PRIMARY'}",
  "RENAME SERVER 'server-1' TO 'hacked'",
  "DEALLOCATE DATABASES FROM SERVER 'server-1'",
  'REALLOCATE DATABASES',
  'DRYRUN REALLOCATE DATABASES',
  "DROP SERVER 'server-1'",
  // Users
  'SHOW USERS',
  'SHOW CURRENT USER',
  'SHOW USER neo4j PRIVILEGES',
  "CREATE USER hacker SET PASSWORD 'hacked-password'",
  "CREATE USER hacker SET PLAINTEXT PASSWORD 'hacked-password' CHANGE NOT REQUIRED",
  "ALTER USER neo4j SET PASSWORD 'hacked-password'",
  "ALTER CURRENT USER SET PASSWORD FROM 'old-password' TO 'hacked-password'",
  'ALTER USER neo4j SET STATUS SUSPENDED',
  'RENAME USER neo4j TO hacker',
  'DROP USER neo4j',
  // Roles
  'SHOW ROLES',
  'SHOW ROLES WITH USERS',
  'SHOW POPULATED ROLES',
  'SHOW ROLE admin PRIVILEGES',
  'CREATE ROLE hacker',
  'CREATE ROLE hacker AS COPY OF admin',
  'RENAME ROLE reader TO hacker',
  'DROP ROLE reader',
  'GRANT ROLE admin TO neo4j',
  'REVOKE ROLE admin FROM neo4j',
  // Privileges
  'SHOW PRIVILEGES',
  'SHOW PRIVILEGES AS COMMANDS',
  'SHOW SUPPORTED PRIVILEGES',
  'GRANT ALL ON DBMS TO reader',
  'GRANT ACCESS ON DATABASE * TO reader',
  'GRANT TRAVERSE ON GRAPH * NODES * TO reader',
  'GRANT READ {*} ON GRAPH * TO reader',
  'GRANT MATCH {*} ON GRAPH * ELEMENTS * TO reader',
  'GRANT WRITE ON GRAPH * TO reader',
  'GRANT CREATE ON GRAPH * NODES Hacked TO reader',
  'GRANT SET LABEL Hacked ON GRAPH * TO reader',
  'GRANT SET PROPERTY {hacked} ON GRAPH * TO reader',
  'GRANT MERGE {*} ON GRAPH * TO reader',
  'GRANT INDEX MANAGEMENT ON DATABASE * TO reader',
  'GRANT NAME MANAGEMENT ON DATABASE * TO reader',
  'GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * TO reader',
  'GRANT SHOW TRANSACTION (*) ON DATABASE * TO reader',
  'GRANT TERMINATE TRANSACTION (*) ON DATABASE * TO reader',
  'GRANT EXECUTE PROCEDURE * ON DBMS TO reader',
  'GRANT EXECUTE ADMIN PROCEDURES ON DBMS TO reader',
  'GRANT IMPERSONATE (*) ON DBMS TO reader',
  'GRANT LOAD ON ALL DATA TO reader',
  'GRANT START ON DATABASE * TO reader',
  'DENY READ {*} ON GRAPH * TO reader',
  'DENY ACCESS ON DATABASE neo4j TO admin',
  'REVOKE GRANT TRAVERSE ON GRAPH * NODES * FROM reader',
  'REVOKE ACCESS ON DATABASE * FROM PUBLIC',
  // Settings, procedures, functions, transactions
  'SHOW SETTINGS',
  "SHOW SETTINGS 'server.*' YIELD *",
  'SHOW PROCEDURES',
  'SHOW PROCEDURES EXECUTABLE BY CURRENT USER YIELD name',
  'SHOW FUNCTIONS',
  'SHOW BUILT IN FUNCTIONS',
  'SHOW USER DEFINED FUNCTIONS',
  'SHOW TRANSACTIONS',
  "SHOW TRANSACTIONS 'neo4j-transaction-1'",
  'SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  'SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE TRANSACTIONS id YIELD message RETURN id, message',
  'SHOW TRANSACTIONS YIELD transactionId AS id WHERE id <> "x" TERMINATE TRANSACTIONS id YIELD message RETURN *',
  'SHOW SETTINGS YIELD name SHOW TRANSACTIONS YIELD transactionId RETURN *',
  // Indexes
  'SHOW INDEXES',
  'SHOW FULLTEXT INDEXES',
  'SHOW RANGE INDEXES YIELD name',
  'SHOW POINT INDEXES',
  'SHOW TEXT INDEXES',
  'SHOW VECTOR INDEXES',
  'SHOW LOOKUP INDEXES',
  'CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)',
  'CREATE RANGE INDEX hacked IF NOT EXISTS FOR (n:Entity) ON (n.hacked)',
  'CREATE TEXT INDEX hacked FOR (n:Entity) ON (n.hacked)',
  'CREATE POINT INDEX hacked FOR (n:Place) ON (n.hacked)',
  'CREATE FULLTEXT INDEX hacked FOR (n:Entity) ON EACH [n.hacked]',
  'CREATE LOOKUP INDEX hacked FOR (n) ON EACH labels(n)',
  'CREATE VECTOR INDEX hacked FOR (n:Entity) ON (n.embedding)',
  'CREATE INDEX hacked FOR ()-[r:LEADS]-() ON (r.hacked)',
  'DROP INDEX entity_search',
  'DROP INDEX hacked IF EXISTS',
  // Constraints
  'SHOW CONSTRAINTS',
  'SHOW UNIQUE CONSTRAINTS',
  'CREATE CONSTRAINT hacked FOR (n:X) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT hacked FOR (n:Entity) REQUIRE n.hacked IS NOT NULL',
  'CREATE CONSTRAINT hacked FOR (n:Entity) REQUIRE (n.a, n.b) IS NODE KEY',
  'CREATE CONSTRAINT hacked FOR (n:Entity) REQUIRE n.name IS :: STRING',
  'DROP CONSTRAINT entity_id',
  'DROP CONSTRAINT hacked IF EXISTS',
];

const WRITES: [string, string, Record<string, unknown>?][] = [
  ['CREATE', 'CREATE (n:Hacked) RETURN n'],
  ['CREATE after a read', "MATCH (c:Country {id: 'niger'}) CREATE (c)-[:HACKED]->(:Hacked)"],
  ['INSERT', 'INSERT (n:Hacked)'],
  ['MERGE', "MERGE (n:Entity {id: 'intruder'}) RETURN n"],
  ['MERGE ON MATCH SET', "MERGE (a:Entity {id: 'niger'}) ON MATCH SET a.name = 'X'"],
  ['MERGE ON CREATE SET', "MERGE (a:Entity {id: 'x'}) ON CREATE SET a.name = 'X'"],
  ['SET a property', 'MATCH (n) SET n.hacked = true'],
  ['SET a map', 'MATCH (n) SET n += {hacked: true}'],
  ['SET all properties', 'MATCH (n) SET n = {}'],
  ['SET a label', 'MATCH (n) SET n:Hacked'],
  ['SET a dynamic label', "MATCH (n) SET n:$('Hacked')"],
  ['SET a dynamic property', "MATCH (n) SET n['hacked'] = 1"],
  ['REMOVE a property', 'MATCH (n:Entity) REMOVE n.name'],
  ['REMOVE a label', 'MATCH (n:Entity) REMOVE n:Entity'],
  ['DELETE', 'MATCH (n:Claim) DELETE n'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['NODETACH DELETE', 'MATCH ()-[r]->() NODETACH DELETE r'],
  ['DELETE a relationship', 'MATCH ()-[r:LEADS]->() DELETE r'],
  ['FOREACH with SET', 'MATCH (n) FOREACH (x IN [1] | SET n.y = x)'],
  ['FOREACH with CREATE', 'FOREACH (x IN range(1, 3) | CREATE (:Hacked {x: x}))'],
  ['CALL with a write', 'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)'],
  ['old-style CALL with a write', 'MATCH (n) CALL { WITH n SET n.x = 1 } RETURN count(*)'],
  [
    'CALL IN TRANSACTIONS with a write',
    'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1',
  ],
  ['CALL IN TRANSACTIONS of rows', 'CALL { CREATE (:Hacked) } IN TRANSACTIONS OF 10 ROWS'],
  ['CALL IN CONCURRENT TRANSACTIONS', 'CALL () { CREATE (:Hacked) } IN 4 CONCURRENT TRANSACTIONS'],
  [
    'CALL IN TRANSACTIONS of a read',
    'CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)',
  ],
  ['UNWIND then CREATE', 'UNWIND range(1, 10) AS i CREATE (:X {i: i})'],
  [
    'write in a UNION branch',
    'MATCH (n) RETURN n.id AS id UNION CREATE (m:Hacked) RETURN m.id AS id',
  ],
  ['write in COUNT', 'MATCH (n) RETURN COUNT { CREATE (:Hacked) } AS c'],
  ['write in EXISTS', 'MATCH (n) WHERE EXISTS { MERGE (:Hacked) } RETURN n'],
  ['write in COLLECT', 'RETURN COLLECT { CREATE (h:Hacked) RETURN h } AS c'],
  ['write after WITH', 'MATCH (n) WITH n LIMIT 1 SET n.hacked = true RETURN n'],
  ['write after a comment line', 'MATCH (n) // nothing to see\nSET n.hacked = true'],
  ['write in a parameter-driven SET', 'MATCH (n) SET n += $props', { props: { hacked: true } }],
  ['two statements', 'MATCH (n) RETURN n; CREATE (m)'],
  ['two statements, second admin', 'RETURN 1; SHOW TRANSACTIONS'],
  ['a write under EXPLAIN', 'EXPLAIN CREATE (n:Hacked)'],
  ['a write under PROFILE', 'PROFILE MATCH (n) DETACH DELETE n'],
  ['a write under a CYPHER option', 'CYPHER 5 CREATE (n:Hacked)'],
  ['a write under a runtime option', 'CYPHER runtime=slotted CREATE (n:Hacked)'],
  ['a console command', ':use system'],
  ['a console parameter command', ':param hacked => 1'],
];

const LOAD_CSV = [
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  'load csv with headers from "http://127.0.0.1/x.csv" AS row CREATE (n)',
  "LOAD CSV FROM 'http://169.254.169.254/latest/meta-data/' AS line RETURN line",
  "LOAD CSV WITH HEADERS FROM $url AS row FIELDTERMINATOR ';' RETURN row",
  "CALL { LOAD CSV FROM 'file:///etc/hosts' AS line RETURN line } RETURN line",
  "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  'RETURN file() AS f',
  'RETURN linenumber() AS l',
];

const PROCEDURES_OFF_THE_LIST = [
  'dbms.listConfig()',
  'dbms.security.createUser("hacker", "hacked-password", false)',
  'dbms.security.listUsers()',
  'dbms.security.changePassword("hacked-password")',
  'dbms.security.addRoleToUser("admin", "neo4j")',
  "db.createLabel('Hacked')",
  "db.createProperty('hacked')",
  "db.createRelationshipType('HACKED')",
  "dbms.killQuery('query-1')",
  "dbms.killQueries(['query-1'])",
  "dbms.killTransaction('neo4j-transaction-1')",
  'dbms.listQueries()',
  'dbms.listTransactions()',
  'dbms.listConnections()',
  "dbms.killConnection('bolt-1')",
  'db.clearQueryCaches()',
  "dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  'db.awaitIndexes(300)',
  "db.resampleIndex('entity_search')",
  'db.resampleOutdatedIndexes()',
  'db.prepareForReplanning()',
  'dbms.procedures()',
  'dbms.functions()',
  'db.info()',
  'dbms.info()',
  "db.stats.retrieve('GRAPH COUNTS')",
  "db.stats.collect('QUERIES')",
  'db.stats.clear("QUERIES")',
  'db.checkpoint()',
  "db.index.vector.queryNodes('embeddings', 10, [0.1])",
  'db.ping()',
  'tx.setMetaData({hacked: true})',
  'dbms.upgrade()',
  'dbms.showCurrentUser()',
  "dbms.queryJmx('*:*')",
  'dbms.routing.getRoutingTable({})',
  "apoc.cypher.runWrite('CREATE (:Hacked)', {})",
  "apoc.load.json('file:///etc/passwd')",
  "apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
  'apoc.help("")',
  "gds.graph.project('g', '*', '*')",
];

const FUNCTIONS_OFF_THE_LIST = [
  'apoc.version()',
  'APOC.VERSION()',
  'apoc.create.uuid()',
  "apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN count(n)', {})",
  'gds.version()',
  'custom.hack()',
  "db.nameFromElementId('4:x:0')",
  'dbms.components()',
];

const UNBOUNDED_PATHS = [
  'MATCH p = (a)-[*]->(b) RETURN count(p)',
  'MATCH p = (a)-[*..]->(b) RETURN count(p)',
  'MATCH p = (a)-[*2..]->(b) RETURN count(p)',
  'MATCH p = (a)-[*0..]-(b) RETURN count(p)',
  'MATCH p = (a)-[:LEADS*]->(b) RETURN count(p)',
  'MATCH p = (a)-[r:LEADS|GOVERNS*1..]->(b) RETURN count(p)',
  'MATCH p = (a)<-[* ]-(b) RETURN count(p)',
  'MATCH p = (a)-[ * .. ]-(b) RETURN count(p)',
  'MATCH p = (a)-->+(b) RETURN count(p)',
  'MATCH p = (a)-->*(b) RETURN count(p)',
  'MATCH p = (a)-[:LEADS]->+(b) RETURN count(p)',
  'MATCH p = (a)<-[r]-*(b) RETURN count(p)',
  'MATCH p = (a)-[]->{1,}(b) RETURN count(p)',
  'MATCH p = (a)-[]->{,}(b) RETURN count(p)',
  'MATCH ((a)-->(b))+ RETURN count(a)',
  'MATCH ((a)-->(b))* RETURN count(a)',
  'MATCH ((a)-->(b)){1,} RETURN count(a)',
  'MATCH ((a)-->(b)){0,} RETURN count(a)',
  'MATCH ((a)-->(b) WHERE a <> b){2,} RETURN count(a)',
  'MATCH (x) ((a)-[:LEADS]->(b))+ (y) RETURN count(x)',
  'MATCH (a) RETURN COUNT { (a)-->+(b) } AS n',
  'MATCH (a) RETURN COUNT { MATCH (a)-[*]->(b) RETURN b } AS n',
  'MATCH (a) RETURN COUNT { ((a)-->(b)){1,} } AS n',
  'MATCH (a) WHERE EXISTS { (a)-[*]->(b) } RETURN a',
  'MATCH (a) WHERE EXISTS { MATCH ((a)--(b))+ } RETURN a',
  'MATCH (a) RETURN COLLECT { MATCH p = (a)-[*]->() RETURN length(p) } AS lengths',
  'MATCH (a) RETURN [(a)-[*]->(b) | b.id] AS ids',
  'MATCH (a) WHERE (a)-[*]->() RETURN a',
  'MATCH (a), (b) RETURN shortestPath((a)-[*]-(b)) AS p',
  'MATCH p = shortestPath((a)-[*]-(b)) RETURN p',
  'MATCH p = allShortestPaths((a)-[*..]-(b)) RETURN p',
  'MATCH p = SHORTEST 1 (a)-->+(b) RETURN p',
  'MATCH p = ANY SHORTEST (a)-[]->*(b) RETURN p',
  'MATCH p = ALL SHORTEST ((a)-->(b))+ RETURN p',
  'MATCH p = SHORTEST 2 GROUPS (a)-->{1,}(b) RETURN p',
  'MATCH p = ANY (a)-->+(b) RETURN p',
  'CALL () { MATCH p = (a)-[*]->(b) RETURN p } RETURN count(p)',
  'MATCH (n) RETURN n.id AS id UNION MATCH (a)-[*]->(n) RETURN n.id AS id',
  'OPTIONAL MATCH (a)-[*]->(b) RETURN count(b)',
  'MATCH (a) WITH a MATCH (a)-[*]->(b) RETURN count(b)',
  // Bounded, but past the default maximum of 10 hops.
  'MATCH p = (a)-[*..11]->(b) RETURN count(p)',
  'MATCH p = (a)-[*20]->(b) RETURN count(p)',
  'MATCH p = (a)-[*5..100]->(b) RETURN count(p)',
  'MATCH p = (a)-[*..99999999999999999999]->(b) RETURN count(p)',
  'MATCH p = (a)-->{11}(b) RETURN count(p)',
  'MATCH ((a)-->(b)){1,11} RETURN count(a)',
  'MATCH ((a)-->(b)){1,1000000} RETURN count(a)',
  'MATCH p = shortestPath((a)-[*..50]-(b)) RETURN p',
];

const DATABASE_SWITCHES = [
  'USE system SHOW DATABASES',
  'USE system SHOW USERS',
  'USE neo4j MATCH (n) RETURN count(n)',
  'USE GRAPH neo4j MATCH (n) RETURN count(n)',
  "USE graph.byName('system') SHOW DATABASES",
  'USE graph.byName($db) MATCH (n) RETURN n',
  'USE graph.byElementId($id) MATCH (n) RETURN n',
  'USE composite.shard MATCH (n) RETURN n',
  'CALL () { USE neo4j MATCH (n) RETURN n } RETURN n',
  'MATCH (n) RETURN n.id AS id UNION USE neo4j MATCH (n) RETURN n.id AS id',
  'USE system CREATE USER hacker SET PASSWORD "hacked-password"',
  'USE (system) SHOW DATABASES',
];

export const HOSTILE_CYPHER: readonly HostileCypher[] = [
  ...controlCharacterAttacks(),
  ...everyGapAttacks(),
  ...unicodeSpaceAttacks(),
  ...COMMENT_TRICKS.map(([name, query]) => ({ name: `comment: ${name}`, query })),
  ...UNICODE_ESCAPE_TRICKS.map(([name, query]) => ({ name: `unicode escape: ${name}`, query })),
  ...BACKTICK_TRICKS.map(([name, query]) => ({ name: `quoted name: ${name}`, query })),
  ...ADMINISTRATION_COMMANDS.map((query) => ({ name: `admin: ${query}`, query })),
  ...WRITES.map(([name, query, params]) => ({
    name: `write: ${name}`,
    query,
    ...(params ? { params } : {}),
  })),
  ...LOAD_CSV.map((query) => ({
    name: `LOAD CSV: ${query}`,
    query,
    params: { url: 'file:///etc/passwd' },
  })),
  ...PROCEDURES_OFF_THE_LIST.flatMap((call) => [
    { name: `procedure: CALL ${call}`, query: `CALL ${call}` },
    { name: `procedure in a subquery: ${call}`, query: `MATCH (n) CALL { CALL ${call} } RETURN n` },
  ]),
  ...FUNCTIONS_OFF_THE_LIST.map((call) => ({
    name: `function: ${call}`,
    query: `RETURN ${call} AS x`,
  })),
  ...UNBOUNDED_PATHS.map((query) => ({ name: `unbounded: ${query}`, query })),
  ...DATABASE_SWITCHES.map((query) => ({
    name: `database switch: ${query}`,
    query,
    params: { db: 'system', id: '4:x:0' },
  })),
];
