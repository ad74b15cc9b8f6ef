"""Carbon-policy classification: rules loading, explainable relevance and policy-document recognition."""
