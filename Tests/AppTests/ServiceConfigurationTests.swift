import App
import DQMClient
import Foundation
import Testing

/// `autodqm serve`'s settings from AutoDQM's environment variables.
@Suite("Service configuration")
struct ServiceConfigurationTests {
    let home = URL(fileURLWithPath: "/opt/autodqm")

    @Test func defaultsFollowHomeAndTmp() throws {
        let configuration = try ServiceConfiguration(home: home, environment: ["ADQM_TMP": "/var/tmp/adqm"])
        #expect(configuration.configDirectory.path == "/opt/autodqm/configs")
        #expect(configuration.databasePath == "/var/tmp/adqm/autodqm.sqlite")
        #expect(configuration.adminToken == nil && configuration.maxQueuedPerClient == 10)
        #expect(configuration.source.localDirectory == nil)
    }

    @Test func everyVariableIsRead() throws {
        let configuration = try ServiceConfiguration(home: home, environment: [
            "ADQM_CONFIG": "/etc/adqm/configs", "ADQM_DB": "/data/store", "ADQM_TMP": "/scratch",
            "ADQM_DATABASE": "/data/app.sqlite", "ADQM_DQM_URL": "https://dqm.example/dqm/offline",
            "ADQM_SSLCERT": "/certs/user.pem", "ADQM_SSLKEY": "/certs/user.key", "ADQM_CACERT": "/certs/ca.pem",
            "ADQM_ADMIN_TOKEN": "s3cret", "ADQM_MAX_QUEUED": "3", "ADQM_DB_QUOTA": "1000000",
        ])
        #expect(configuration.configDirectory.path == "/etc/adqm/configs")
        #expect(configuration.storeDirectory.path == "/data/store")
        #expect(configuration.tmpDirectory.path == "/scratch" && configuration.databasePath == "/data/app.sqlite")
        #expect(configuration.source.server == "https://dqm.example/dqm/offline")
        #expect(configuration.source.credentials.certificate == "/certs/user.pem")
        #expect(configuration.source.credentials.key == "/certs/user.key")
        #expect(configuration.source.credentials.caFile == "/certs/ca.pem")
        #expect(configuration.adminToken == "s3cret" && configuration.maxQueuedPerClient == 3)
        #expect(configuration.storeQuota == 1_000_000)
    }

    @Test func theAdminTokenMayComeFromAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "  from-a-file\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try ServiceConfiguration(home: home, environment: ["ADQM_ADMIN_TOKEN_FILE": file.path])
        #expect(configuration.adminToken == "from-a-file")
        #expect(throws: ServiceError.self) {
            try ServiceConfiguration(home: home, environment: ["ADQM_ADMIN_TOKEN_FILE": file.path + "-missing"])
        }
    }
}
