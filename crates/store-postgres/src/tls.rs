//! Encrypted connections: libpq's `sslmode` and `sslrootcert` URL parameters, with rustls.
//!
//! tokio-postgres itself knows three modes (`disable`, `prefer`, `require`) and no root
//! certificates, so the two parameters are taken off the URL here and applied to the
//! connector:
//! - `disable`: plain TCP;
//! - `allow`, `prefer`: TLS when the server offers it, unverified (as libpq);
//! - `require`: TLS or no connection, unverified unless `sslrootcert` is given, which makes
//!   it `verify-ca` (as libpq);
//! - `verify-ca`: TLS with a certificate chain to a trusted root;
//! - `verify-full`: that, and the certificate names the host.
//!
//! Trusted roots are the PEM file `sslrootcert` names, or the system's when it is absent
//! or `system`. Without `sslmode`, a server on this machine (a loopback address or a Unix
//! socket) is reached in plain TCP, where a handshake would cost a few milliseconds for
//! nothing, and any other server as `prefer`.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres_rustls::MakeRustlsConnect;

/// How a connection is secured, as libpq's `sslmode` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// The TLS parameters read off a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Settings {
    /// `None`: not given, chosen by the host ([`Settings::mode_for`]).
    mode: Option<Mode>,
    /// `None`: the system's roots.
    root_cert: Option<PathBuf>,
}

/// Takes `sslmode` and `sslrootcert` off the query of `url`, returning the URL without
/// them and what they say. An unknown mode is an error naming the values accepted.
pub(crate) fn split_url(url: &str) -> Result<(String, Settings), String> {
    let mut settings = Settings { mode: None, root_cert: None };
    let Some((base, query)) = url.split_once('?') else { return Ok((url.to_string(), settings)) };
    let mut kept = Vec::new();
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => {
                settings.mode = Some(match value {
                    "disable" => Mode::Disable,
                    "allow" | "prefer" => Mode::Prefer,
                    "require" => Mode::Require,
                    "verify-ca" => Mode::VerifyCa,
                    "verify-full" => Mode::VerifyFull,
                    other => {
                        return Err(format!(
                            "sslmode={other} is not one of disable, allow, prefer, require, \
                             verify-ca, verify-full"
                        ));
                    }
                });
            }
            "sslrootcert" => {
                let path = percent_decode(value);
                settings.root_cert = (path != "system").then(|| PathBuf::from(path));
            }
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
    Ok((url, settings))
}

/// `%XX` escapes of a URL parameter decoded (a path with spaces or `&`).
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[at],
            bytes.get(at + 1).copied().and_then(hex),
            bytes.get(at + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                at += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Settings {
    /// The mode for a connection to `hosts`: the one given, else plain TCP to this machine
    /// and `prefer` elsewhere. A root certificate given with `require` asks for it to be
    /// checked, as in libpq.
    pub(crate) fn mode_for(&self, hosts: &[Host]) -> Mode {
        match self.mode {
            Some(Mode::Require) if self.root_cert.is_some() => Mode::VerifyCa,
            Some(mode) => mode,
            None if hosts.iter().all(is_local) => Mode::Disable,
            None => Mode::Prefer,
        }
    }

    /// The connector and the tokio-postgres mode for `mode`. Errors say what could not be
    /// read (the root certificate file, the system's certificates).
    pub(crate) fn connector(&self, mode: Mode) -> Result<(MakeRustlsConnect, SslMode), String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|error| format!("cannot set up TLS: {error}"))?;
        let verifier: Arc<dyn ServerCertVerifier> = match mode {
            Mode::Disable | Mode::Prefer | Mode::Require => Arc::new(Unverified(provider)),
            Mode::VerifyCa | Mode::VerifyFull => {
                let roots = Arc::new(self.roots()?);
                let webpki =
                    WebPkiServerVerifier::builder_with_provider(roots, provider)
                        .build()
                        .map_err(|error| format!("cannot use the trusted certificates: {error}"))?;
                if mode == Mode::VerifyFull { webpki } else { Arc::new(AnyName(webpki)) }
            }
        };
        let config =
            builder.dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth();
        let ssl_mode = match mode {
            Mode::Disable => SslMode::Disable,
            Mode::Prefer => SslMode::Prefer,
            Mode::Require | Mode::VerifyCa | Mode::VerifyFull => SslMode::Require,
        };
        Ok((MakeRustlsConnect::new(config), ssl_mode))
    }

    fn roots(&self) -> Result<RootCertStore, String> {
        let mut roots = RootCertStore::empty();
        match &self.root_cert {
            Some(path) => {
                let shown = path.display();
                let certificates = CertificateDer::pem_file_iter(path)
                    .map_err(|error| format!("cannot read sslrootcert {shown}: {error}"))?
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|error| format!("cannot read sslrootcert {shown}: {error}"))?;
                if certificates.is_empty() {
                    return Err(format!("sslrootcert {shown} holds no PEM certificate"));
                }
                for certificate in certificates {
                    roots.add(certificate).map_err(|error| {
                        format!("sslrootcert {shown} holds an unusable certificate: {error}")
                    })?;
                }
            }
            None => {
                let found = rustls_native_certs::load_native_certs();
                let (added, _) = roots.add_parsable_certificates(found.certs);
                if added == 0 {
                    let why = found.errors.first().map_or_else(String::new, |e| format!(": {e}"));
                    return Err(format!(
                        "no trusted certificates found on this system{why}; name a file with \
                         sslrootcert="
                    ));
                }
            }
        }
        Ok(roots)
    }
}

/// True for a host on this machine: a Unix socket, `localhost` or a loopback address.
fn is_local(host: &Host) -> bool {
    match host {
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            let name = name.trim_start_matches('[').trim_end_matches(']');
            name.eq_ignore_ascii_case("localhost")
                || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
    }
}

/// Accepts any certificate, checking only that the handshake is signed by it: libpq's
/// `prefer` and `require` without a root certificate, which encrypt but do not
/// authenticate the server.
#[derive(Debug)]
struct Unverified(Arc<CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.0.signature_verification_algorithms;
        rustls::crypto::verify_tls12_signature(message, cert, dss, algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.0.signature_verification_algorithms;
        rustls::crypto::verify_tls13_signature(message, cert, dss, algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain must lead to a trusted root; the name in the certificate is
/// not compared with the host.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_parameters_come_off_the_url() {
        let (url, settings) =
            split_url("postgres://u@db.example.org/news?sslmode=verify-full&application_name=x")
                .expect("a URL");
        assert_eq!(url, "postgres://u@db.example.org/news?application_name=x");
        assert_eq!(settings.mode, Some(Mode::VerifyFull));
        let (url, settings) =
            split_url("postgres://u@h/db?sslrootcert=%2Fetc%2Fmy%20ca.pem&sslmode=require")
                .expect("a URL");
        assert_eq!(url, "postgres://u@h/db");
        assert_eq!(settings.root_cert, Some(PathBuf::from("/etc/my ca.pem")));
        // A root certificate makes `require` check the chain, as libpq does.
        assert_eq!(settings.mode_for(&[Host::Tcp("h".into())]), Mode::VerifyCa);
        let (_, settings) = split_url("postgres://u@h/db?sslrootcert=system").expect("a URL");
        assert_eq!(settings.root_cert, None);
        let error = split_url("postgres://u@h/db?sslmode=always").expect_err("an unknown mode");
        assert!(error.contains("sslmode=always"), "{error}");
    }

    #[test]
    fn without_a_mode_only_remote_servers_are_asked_for_tls() {
        let (_, settings) = split_url("postgres://u@h/db").expect("a URL");
        let tcp = |name: &str| Host::Tcp(name.to_string());
        for local in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1"] {
            assert_eq!(settings.mode_for(&[tcp(local)]), Mode::Disable, "{local}");
        }
        assert_eq!(settings.mode_for(&[Host::Unix("/run/postgresql".into())]), Mode::Disable);
        assert_eq!(settings.mode_for(&[tcp("db.example.org")]), Mode::Prefer);
        assert_eq!(settings.mode_for(&[tcp("127.0.0.1"), tcp("10.0.0.5")]), Mode::Prefer);
    }

    #[test]
    fn a_missing_root_certificate_file_is_named() {
        let (_, settings) =
            split_url("postgres://u@h/db?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem")
                .expect("a URL");
        let error = settings.connector(Mode::VerifyCa).err().expect("an error");
        assert!(error.contains("/nonexistent/ca.pem"), "{error}");
    }
}
