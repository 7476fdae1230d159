"""Report -> tri-state labels: the offline rule labeler and the LLM labeler share one interface."""

LABELERS = ("rules", "llm")  # client.labeling.run.make_labeler
# Structured-output requests the LLM labeler knows, most specific first (client.labeling.llm).
FORMS = ("json_schema", "json_object_schema", "json_object", "none")
RESPONSE_FORMATS = ("auto", *FORMS)  # auto: the first form the endpoint accepts
