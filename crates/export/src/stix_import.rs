//! Reading a STIX 2.1 bundle back.
