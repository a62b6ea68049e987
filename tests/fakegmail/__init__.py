"""A stateful, strict, local fake of the Gmail REST API v1 for tests.

Usage::

    with FakeGmail() as fake:
        fake.add_message(raw_bytes)
        creds = Credentials(token="tok", refresh_token="rt", token_uri=fake.token_uri,
                            client_id="cid", client_secret="cs")
        svc = build("gmail", "v1", credentials=creds, static_discovery=True,
                    client_options={"api_endpoint": fake.root_url})

Behaviour in brief (details in the module docstrings):

* Endpoints under ``/gmail/v1/users/{me|account email}/``: profile, labels, threads, messages,
  messages/{id}/attachments/{id}, history, drafts (list/get/create/update/delete, JSON or
  ``/upload`` with uploadType=media|multipart); ``/batch`` and ``/batch/gmail/v1``
  (multipart/mixed, at most 100 parts, the outer Authorization applies to parts without one);
  ``/token`` (refresh_token and authorization_code grants).
* Every other mutating Gmail method (send, import, insert, modify, trash, delete, labels.*,
  watch, settings writes...) is recorded in ``forbidden_calls`` and answered 403.
* Strict: unknown paths, unknown or repeated query parameters, bad enum/int/bool values,
  malformed ``q`` (see ``query``), unknown ``fields`` selectors and unknown JSON body fields are
  400 in Google's error shape; a missing/unknown bearer token is 401.
* Lists are newest first, ``page_size`` is the default page size for every list method, list
  keys are omitted when empty (as Gmail does), page tokens are bound to the query.
* Quota ``units`` are charged for forbidden calls and for every authenticated call that passed
  parameter validation (404s and injected failures included).
* ``http_round_trips`` counts API HTTP requests (a batch is one); token requests are kept apart
  in ``token_requests``.
* Drafts join a thread only under Gmail's rule (see ``Mailbox._draft_thread``); a thread made of
  drafts only is not listed by threads.list unless the query names drafts.

Extras beyond the core API: ``delete_draft``, ``user_labels`` (id -> name), ``history_id``,
``token_requests``, ``revoked_refresh_tokens``, ``server_errors`` (tracebacks of bugs in the fake,
answered 500), and ``RequestRecord.status`` / ``RequestRecord.in_batch``.
"""

from .server import FakeDraft, FakeGmail, RequestRecord

__all__ = ["FakeDraft", "FakeGmail", "RequestRecord"]
