#!/usr/bin/env python3
"""Regenerates the botocore-signed requests in this folder (run by hand, never by the tests).

Each case folder holds `request.txt`, the request as it reaches the server after botocore (the
signer inside the AWS CLI and boto3) signed it, and `context.json`, the credentials and the clock.
The tests check that Gatehouse accepts every one at that time and rejects it when changed.
Usage: python3 generate.py   (needs botocore; output is deterministic)
"""
import datetime
import json
import os
import urllib.parse
from unittest import mock

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = datetime.datetime(2026, 11, 23, 15, 4, 5, tzinfo=datetime.timezone.utc)
KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TOKEN = "FwoGZXIvYXdzEBYaDEXAMPLE//+sessionTokenValue=="
ENDPOINT = "http://127.0.0.1:8080"

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]})

CASES = [
    # name, service, region, method, path, query, headers, body, token, presign seconds
    ("sts-get-caller-identity", "sts", "us-east-1", "POST", "/", {},
     {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     "Action=GetCallerIdentity&Version=2011-06-15", None, None),
    ("iam-create-policy-encoded-document", "iam", "us-east-1", "POST", "/", {},
     {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     urllib.parse.urlencode({"Action": "CreatePolicy", "Version": "2010-05-08", "PolicyName": "read bucket",
                             "Description": "Lecture seule – ünïcødé", "PolicyDocument": POLICY}), None, None),
    ("identitystore-create-user-unicode", "identitystore", "eu-west-3", "POST", "/", {},
     {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSIdentityStore.CreateUser"},
     json.dumps({"IdentityStoreId": "d-1234567890", "UserName": "zoë", "DisplayName": "Zoë  Ünïcødé ሴ"},
                ensure_ascii=False), None, None),
    ("organizations-with-session-token", "organizations", "us-east-1", "POST", "/", {},
     {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSOrganizationsV20161128.DescribeOrganization"},
     "{}", TOKEN, None),
    ("sts-presigned-get-caller-identity", "sts", "us-east-1", "GET", "/",
     {"Action": "GetCallerIdentity", "Version": "2011-06-15"}, {}, "", TOKEN, 900),
    ("sso-rest-json-encoded-path", "sso", "ap-southeast-2", "GET", "/federation/credentials%20x/a+b",
     {"account_id": "123456789012", "role_name": "Admin Role"}, {"x-amz-sso_bearer_token": "token"}, "", None, None),
]


def sign(name, service, region, method, path, query, headers, body, token, presign):
    url = ENDPOINT + path + ("?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote) if query else "")
    request = AWSRequest(method=method, url=url, data=body.encode("utf-8"), headers=dict(headers))
    credentials = Credentials(KEY, SECRET, token)
    signer = (botocore.auth.SigV4QueryAuth(credentials, service, region, expires=presign) if presign
              else botocore.auth.SigV4Auth(credentials, service, region))
    with mock.patch("botocore.auth.get_current_datetime", return_value=NOW.replace(tzinfo=None)):
        signer.add_auth(request)
    split = urllib.parse.urlsplit(request.url)
    lines = [f"{method} {split.path}{'?' + split.query if split.query else ''} HTTP/1.1",
             f"Host:{split.netloc}"]
    lines += [f"{k}:{v}" for k, v in request.headers.items()]
    text = "\n".join(lines) + "\n\n" + body
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "request.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(os.path.join(folder, "context.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"credentials": {"access_key_id": KEY, "secret_access_key": SECRET, "token": token},
                   "region": region, "service": service, "normalize": True,
                   "timestamp": NOW.strftime("%Y-%m-%dT%H:%M:%SZ"), "signer": "botocore " + botocore.__version__},
                  f, indent=2, sort_keys=True)
        f.write("\n")


for case in CASES:
    sign(*case)
